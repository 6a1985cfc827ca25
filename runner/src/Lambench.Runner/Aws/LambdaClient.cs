using System.Text;
using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>The smallest Lambda client the runner needs: rest-json requests, SigV4-signed, retried on throttling.</summary>
public sealed class LambdaClient(HttpClient http, AwsEndpoint endpoint) : ILambdaApi
{
    private readonly SignedHttpClient client = new(http, endpoint, "lambda");

    /// <summary>Each function's timeout, from the configurations this client has read: what an Invoke may wait for.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> timeouts = new(StringComparer.Ordinal);

    /// <summary>What an Invoke waits beyond its function's timeout: Lambda's own overhead and the network.</summary>
    public static readonly TimeSpan InvokeMargin = TimeSpan.FromSeconds(30);

    public SignedHttpClient Http => client;

    public int Requests => client.Requests;

    public int Throttles => client.Throttles;

    /// <summary>
    /// A synchronous Invoke may take its function's whole timeout: the request waits for that (as read by this client
    /// from the function's configuration, else Lambda's 900 s) and a margin, and is never sent twice after a timeout.
    /// </summary>
    public async Task<LambdaInvokeResult> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellation = default)
    {
        var functionTimeout = TimeSpan.FromSeconds(timeouts.TryGetValue(functionName, out var seconds) && seconds > 0 ? seconds : 900);
        using var response = await client.SendAsync(HttpMethod.Post, $"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations", payload,
            new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "RequestResponse", ["X-Amz-Log-Type"] = "Tail" }, "application/json", cancellation,
            attemptTimeout: functionTimeout + InvokeMargin, idempotent: false);
        if (!response.IsSuccessStatusCode)
        {
            throw await SignedHttpClient.ErrorAsync(response, cancellation);
        }

        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.First() : null;
        var tail = Header("X-Amz-Log-Result") is { } encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(encoded)) : string.Empty;
        return new LambdaInvokeResult(Header("x-amzn-RequestId") ?? string.Empty, (int)response.StatusCode, Header("X-Amz-Function-Error"), await response.Content.ReadAsByteArrayAsync(cancellation), tail);
    }

    /// <summary>
    /// An asynchronous Invoke (InvocationType Event): Lambda queues the event and answers 202 with the request id its
    /// logs will carry. Never sent twice after a timeout: the event might have been queued.
    /// </summary>
    public async Task<string> InvokeEventAsync(string functionName, byte[] payload, CancellationToken cancellation = default)
    {
        using var response = await client.SendAsync(HttpMethod.Post, $"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations", payload,
            new Dictionary<string, string> { ["X-Amz-Invocation-Type"] = "Event" }, "application/json", cancellation, idempotent: false);
        if (!response.IsSuccessStatusCode)
        {
            throw await SignedHttpClient.ErrorAsync(response, cancellation);
        }

        return response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.First() : string.Empty;
    }

    public async Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellation = default) =>
        Remember(Parse(await SendJsonAsync(HttpMethod.Get, $"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/configuration", null, cancellation)));

    public async Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(string functionName, int? memorySize, IReadOnlyDictionary<string, string>? environment, TimeSpan wait, CancellationToken cancellation = default)
    {
        var body = new JsonObject();
        if (memorySize is { } memory)
        {
            body["MemorySize"] = memory;
        }

        if (environment is not null)
        {
            body["Environment"] = new JsonObject { ["Variables"] = new JsonObject(environment.Select(v => KeyValuePair.Create(v.Key, (JsonNode?)v.Value))) };
        }

        var configuration = Remember(Parse(await SendJsonAsync(HttpMethod.Put, $"2015-03-31/functions/{Uri.EscapeDataString(functionName)}/configuration", body, cancellation)));
        var time = endpoint.Policy.Time;
        var deadline = time.GetUtcNow() + wait;
        while (configuration.LastUpdateStatus != "Successful")
        {
            if (configuration.LastUpdateStatus == "Failed" || time.GetUtcNow() > deadline)
            {
                throw new AwsServiceException(0, "UpdateNotActive", $"{functionName}: the configuration update is {configuration.LastUpdateStatus} after {wait.TotalSeconds:F0} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), time, cancellation);
            configuration = await GetFunctionConfigurationAsync(functionName, cancellation);
        }

        return configuration;
    }

    public async Task<Uri> GetFunctionUrlAsync(string functionName, CancellationToken cancellation = default)
    {
        var json = await SendJsonAsync(HttpMethod.Get, $"2021-10-31/functions/{Uri.EscapeDataString(functionName)}/url", null, cancellation);
        return new Uri((string?)json["FunctionUrl"] ?? throw new AwsServiceException(0, "NoFunctionUrl", $"{functionName}: GetFunctionUrlConfig returned no FunctionUrl"));
    }

    public async Task SetReservedConcurrencyAsync(string functionName, int? reserved, CancellationToken cancellation = default)
    {
        if (reserved is { } value)
        {
            await SendJsonAsync(HttpMethod.Put, $"2017-10-31/functions/{Uri.EscapeDataString(functionName)}/concurrency", new JsonObject { ["ReservedConcurrentExecutions"] = value }, cancellation);
        }
        else
        {
            await SendJsonAsync(HttpMethod.Delete, $"2017-10-31/functions/{Uri.EscapeDataString(functionName)}/concurrency", null, cancellation);
        }
    }

    private Task<JsonObject> SendJsonAsync(HttpMethod method, string path, JsonObject? body, CancellationToken cancellation) =>
        client.SendJsonAsync(method, path, body, new Dictionary<string, string>(), "application/json", cancellation);

    private FunctionConfiguration Remember(FunctionConfiguration configuration)
    {
        timeouts[configuration.FunctionName] = configuration.Timeout;
        return configuration;
    }

    private static FunctionConfiguration Parse(JsonObject json) => new(
        (string?)json["FunctionName"] ?? string.Empty,
        (string?)json["Runtime"] ?? string.Empty,
        (string?)json["Architectures"]?[0] ?? "x86_64",
        (int?)json["MemorySize"] ?? 0,
        (int?)json["Timeout"] ?? 0,
        (json["Environment"]?["Variables"] as JsonObject)?.ToDictionary(v => v.Key, v => (string?)v.Value ?? string.Empty, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
        (string?)json["State"] ?? "Active",
        (string?)json["LastUpdateStatus"] ?? "Successful")
    {
        StateReason = (string?)json["StateReason"],
    };
}
