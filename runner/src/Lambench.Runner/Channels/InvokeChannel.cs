using System.Text;
using Lambench.Runner.Aws;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>Lambda's Invoke, RequestResponse: the answer carries the request id and any function error.</summary>
public sealed class InvokeChannel(ILambdaApi lambda) : IInvocationChannel
{
    public Channel Kind => Channel.Invoke;

    public Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation) =>
        Task.FromResult<string?>(null);

    public async Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        var result = await lambda.InvokeAsync(functionName, Encoding.UTF8.GetBytes(message), cancellation);
        return new ChannelSend(result.RequestId, result.FunctionError is null ? null : $"function error: {result.FunctionError}");
    }
}
