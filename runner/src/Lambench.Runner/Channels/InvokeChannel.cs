using System.Text;
using Lambench.Load.Recording;
using Lambench.Runner.Aws;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>Lambda's Invoke, RequestResponse: the answer carries the request id and any function error.</summary>
/// <param name="loadLambda">the client of a load's requests, which retries nothing.</param>
public sealed class InvokeChannel(ILambdaApi lambda, ILambdaApi loadLambda) : IInvocationChannel
{
    public Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation) =>
        Task.FromResult<string?>(null);

    public async Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        var result = await lambda.InvokeAsync(functionName, Encoding.UTF8.GetBytes(message), cancellation);
        return new ChannelSend(result.RequestId, result.FunctionError is null ? null : $"function error: {result.FunctionError}");
    }

    public Task<LoadResponse> SubmitAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation) =>
        ThrottleOutcome.OfAsync(async () =>
        {
            var result = await loadLambda.InvokeAsync(functionName, Encoding.UTF8.GetBytes(message), cancellation);
            return new LoadResponse(result.FunctionError is null ? LoadOutcome.Ok : LoadOutcome.Error, result.RequestId);
        });
}
