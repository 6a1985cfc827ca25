using System.Text;
using Lambench.Load.Recording;
using Lambench.Runner.Aws;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>The function URL: a signed POST; a failed function answers 502 with the invocation's request id.</summary>
/// <param name="loadUrls">the client of a load's requests, which retries nothing.</param>
public sealed class FunctionUrlChannel(ILambdaApi lambda, FunctionUrlClient urls, FunctionUrlClient loadUrls) : IInvocationChannel
{
    private readonly Dictionary<string, Uri> found = new(StringComparer.Ordinal);

    public async Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation)
    {
        try
        {
            found[functionName] = await lambda.GetFunctionUrlAsync(functionName, cancellation);
            return null;
        }
        catch (AwsServiceException e)
        {
            return $"{functionName}: its function URL was not found ({e.Message})";
        }
    }

    public async Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        var answer = await urls.InvokeAsync(found[functionName], Encoding.UTF8.GetBytes(message), cancellation);
        return new ChannelSend(answer.RequestId, answer.FunctionError is null ? null : $"function URL answered {answer.StatusCode}");
    }

    public Task<LoadResponse> SubmitAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation) =>
        ThrottleOutcome.OfAsync(async () =>
        {
            var answer = await loadUrls.InvokeAsync(found[functionName], Encoding.UTF8.GetBytes(message), cancellation);
            return new LoadResponse(answer.FunctionError is null ? LoadOutcome.Ok : LoadOutcome.Error, answer.RequestId);
        });
}
