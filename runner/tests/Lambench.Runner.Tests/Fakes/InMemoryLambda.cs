using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Tests.Fakes;

/// <summary>
/// Lambda, CloudWatch Logs and CloudWatch metrics in memory, for the fast tier: functions whose invocations take a
/// Duration the test decides, a cold start after every configuration change (Init Duration 100 ms), and REPORT lines
/// written in Lambda's text format with the batch id the functions log. No process, no socket, no wait.
/// </summary>
internal sealed class InMemoryLambda(Func<string, byte[], double> durationMs) : ILambdaApi, ILogsApi, IMetricsApi
{
    private readonly Dictionary<string, FunctionConfiguration> functions = new(StringComparer.Ordinal);
    private readonly HashSet<string> warm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<JsonObject>> groups = new(StringComparer.Ordinal);
    private long clockMs = 1_780_000_000_000;
    private int requests;

    public int Requests => requests;

    public int Throttles => 0;

    public void Add(string name, string architecture, string runtime = "provided.al2023") =>
        functions[name] = new FunctionConfiguration(name, runtime, architecture, 512, 30, new Dictionary<string, string>(), "Active", "Successful");

    public Task<LambdaInvokeResult> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellation = default)
    {
        FunctionConfiguration function;
        double? init;
        lock (functions)
        {
            function = Find(functionName);
            init = warm.Add(functionName) ? 100 : null;
        }

        var requestId = Guid.NewGuid().ToString();
        var duration = durationMs(functionName, payload);
        var batch = JsonNode.Parse(payload)?["batch_id"]?.GetValue<string>();
        Log(functionName, $"{{\"request_id\": \"{requestId}\", \"batch_id\": \"{batch}\"}}");
        Log(functionName, string.Create(CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {duration:F2} ms\tBilled Duration: {Math.Ceiling(duration + (init ?? 0)):F0} ms\tMemory Size: {function.MemorySize} MB\tMax Memory Used: 40 MB\t{(init is { } i ? $"Init Duration: {i:F2} ms\t" : string.Empty)}"));
        return Task.FromResult(new LambdaInvokeResult(requestId, 200, null, Encoding.UTF8.GetBytes("{}"), string.Empty));
    }

    public async Task<string> InvokeEventAsync(string functionName, byte[] payload, CancellationToken cancellation = default) =>
        (await InvokeAsync(functionName, payload, cancellation)).RequestId;

    public Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellation = default) => Task.FromResult(Find(functionName));

    public Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(string functionName, int? memorySize, IReadOnlyDictionary<string, string>? environment, TimeSpan wait, CancellationToken cancellation = default)
    {
        lock (functions)
        {
            var function = Find(functionName);
            // A configuration change retires the warm environments, as on Lambda: the next invocation starts cold.
            warm.Remove(functionName);
            return Task.FromResult(functions[functionName] = function with { MemorySize = memorySize ?? function.MemorySize, Environment = environment ?? function.Environment });
        }
    }

    public Task<Uri> GetFunctionUrlAsync(string functionName, CancellationToken cancellation = default) => throw new AwsServiceException(404, "ResourceNotFoundException", "no URL here");

    public Task SetReservedConcurrencyAsync(string functionName, int? reserved, CancellationToken cancellation = default) => Task.CompletedTask;

    public Task<IReadOnlyList<JsonObject>> FilterLogEventsAsync(string logGroupName, string? filterPattern, long? startTimeMs, CancellationToken cancellation = default)
    {
        Interlocked.Increment(ref requests);
        IReadOnlyList<JsonObject> events = groups.TryGetValue(logGroupName, out var list) ? list.Where(e => e["timestamp"]!.GetValue<long>() >= (startTimeMs ?? 0)).Select(e => (JsonObject)e.DeepClone()).ToList() : [];
        return Task.FromResult(events);
    }

    public Task<IReadOnlyList<string>> DescribeLogGroupNamesAsync(string prefix, CancellationToken cancellation = default) =>
        Task.FromResult<IReadOnlyList<string>>(groups.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList());

    public Task<string> StartQueryAsync(string logGroupName, long startTimeSeconds, long endTimeSeconds, string queryString, int limit, CancellationToken cancellation = default) =>
        throw new NotSupportedException("the in-memory logs answer FilterLogEvents only");

    public Task<(string Status, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)> GetQueryResultsAsync(string queryId, CancellationToken cancellation = default) =>
        throw new NotSupportedException("the in-memory logs answer FilterLogEvents only");

    public Task<double> LambdaMetricSumAsync(string functionName, string metricName, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellation = default) => Task.FromResult(0.0);

    private FunctionConfiguration Find(string name) =>
        functions.TryGetValue(name, out var function) ? function : throw new AwsServiceException(404, "ResourceNotFoundException", $"Function not found: {name}");

    private void Log(string functionName, string message)
    {
        lock (groups)
        {
            var group = $"/aws/lambda/{functionName}";
            var list = groups.TryGetValue(group, out var existing) ? existing : groups[group] = [];
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            list.Add(new JsonObject { ["logStreamName"] = "2026/12/04/[$LATEST]fake", ["timestamp"] = timestamp, ["message"] = message, ["ingestionTime"] = timestamp, ["eventId"] = (++clockMs).ToString(CultureInfo.InvariantCulture) });
        }
    }
}
