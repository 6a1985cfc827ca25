using System.Globalization;
using System.Text;
using Lambench.Load.Recording;
using Lambench.Runner.Aws;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>
/// The stack's API Gateway HTTP API: a signed POST to the function's route, its name without the stack name
/// (POST /python-sleep-arm64), under the address of the stack's LoadApiEndpoint output. API Gateway answers with its
/// own request id, so the REPORT line is found by the batch id the function logs, as for SQS; and it answers a
/// function error and a Lambda throttle alike, with a 500.
/// </summary>
/// <param name="loadApis">the client of a load's requests, which retries nothing.</param>
public sealed class HttpApiChannel(IStacksApi stacks, string stackName, HttpApiClient apis, HttpApiClient loadApis) : IInvocationChannel
{
    /// <summary>The template's output that holds the API's address.</summary>
    public const string EndpointOutput = "LoadApiEndpoint";

    private readonly Dictionary<string, Uri> routes = new(StringComparer.Ordinal);
    private string? endpoint;

    public async Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation)
    {
        if (endpoint is null)
        {
            var stack = await stacks.DescribeStackAsync(stackName, cancellation);
            if (stack?.Outputs.GetValueOrDefault(EndpointOutput) is not { Length: > 0 } address)
            {
                return stack is null
                    ? $"the stack {stackName} was not found: deploy infra/template.yaml (lambench deploy)"
                    : $"the stack {stackName} has no {EndpointOutput} output: deploy this version of infra/template.yaml, whose HTTP API the api channel uses";
            }

            endpoint = address.TrimEnd('/');
        }

        var prefix = stackName + "-";
        if (!functionName.StartsWith(prefix, StringComparison.Ordinal))
        {
            return $"{functionName}: its route on the HTTP API is its name without the stack name {stackName}, which it does not start with";
        }

        routes[functionName] = new Uri($"{endpoint}/{functionName[prefix.Length..]}");
        return null;
    }

    public async Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        var (status, _) = await apis.PostAsync(routes[functionName], Encoding.UTF8.GetBytes(message), cancellation);
        return new ChannelSend(null, status < 300 ? null : string.Create(CultureInfo.InvariantCulture, $"the HTTP API answered {status} (a function error or a Lambda throttle)"));
    }

    public Task<LoadResponse> SubmitAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation) =>
        ThrottleOutcome.OfAsync(async () =>
        {
            var (status, _) = await loadApis.PostAsync(routes[functionName], Encoding.UTF8.GetBytes(message), cancellation);
            return new LoadResponse(status < 300 ? LoadOutcome.Ok : LoadOutcome.Error);
        });
}
