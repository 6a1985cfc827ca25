using Lambench.Load.Recording;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Channels;

/// <summary>A load's request throttled by the service (Lambda's or API Gateway's 429) is an outcome, never retried: in one place for every channel.</summary>
internal static class ThrottleOutcome
{
    public static async Task<LoadResponse> OfAsync(Func<Task<LoadResponse>> submit)
    {
        try
        {
            return await submit();
        }
        catch (AwsServiceException e) when (e.IsThrottling)
        {
            return new LoadResponse(LoadOutcome.Throttled);
        }
    }
}
