using System.Text;
using System.Text.Json;
using Lambench.Core.Parsing;
using Lambench.LocalPlatform;
using Lambench.Runner.Aws;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>The runner's Lambda and Logs clients against the local platform's AWS-compatible endpoints.</summary>
[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformTests.Name)]
public sealed class AwsClientsTests : IAsyncLifetime
{
    private LocalPlatform.LocalPlatform platform = null!;
    private readonly HttpClient http = new();

    public async Task InitializeAsync() => platform = await LocalPlatform.LocalPlatform.StartAsync(new LocalPlatformOptions
    {
        TemplatePath = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"),
        Port = 0,
        // Its own folder: the platform tests of another assembly may install dynalite at the same time.
        WorkDirectory = Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests-runner"),
    });

    public async Task DisposeAsync()
    {
        http.Dispose();
        await platform.DisposeAsync();
    }

    private AwsEndpoint Endpoint => AwsEndpoint.Fixed(platform.Endpoint, "us-east-1", LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey);

    [Fact]
    public async Task Invoke_update_concurrency_and_filter_log_events_work_end_to_end()
    {
        var lambda = new LambdaClient(http, Endpoint);
        var logs = new LogsClient(http, Endpoint);
        const string function = "lambench-python-cpu-x86_64";

        var before = await lambda.GetFunctionConfigurationAsync(function);
        Assert.Equal(("python3.12", "x86_64", 512), (before.Runtime, before.Architecture, before.MemorySize));

        var first = await lambda.InvokeAsync(function, Encoding.UTF8.GetBytes("""{"batch_id": "client-1", "operation": "math", "data_size": 1000, "iterations": 2}"""));
        Assert.Equal(504, JsonDocument.Parse(first.Payload).RootElement.GetProperty("checksum").GetInt32());
        Assert.Null(first.FunctionError);
        Assert.Contains($"REPORT RequestId: {first.RequestId}", first.LogTail);

        // A configuration change waited on until active, then the forced cold start it causes.
        var variables = new Dictionary<string, string>(before.Environment) { ["LAMBENCH_COLD"] = "1" };
        var after = await lambda.UpdateFunctionConfigurationAsync(function, 1024, variables, TimeSpan.FromSeconds(30));
        Assert.Equal((1024, "Successful", "1"), (after.MemorySize, after.LastUpdateStatus, after.Environment["LAMBENCH_COLD"]));
        var cold = await lambda.InvokeAsync(function, Encoding.UTF8.GetBytes("""{"batch_id": "client-2"}"""));
        var report = LogMessageParser.Parse(cold.LogTail.Split('\n').Single(l => l.StartsWith("REPORT", StringComparison.Ordinal))).Report;
        Assert.Equal((1024, true), (report.Metrics.MemorySizeMb!.Value, report.Metrics.InitDurationMs is not null));

        await lambda.SetReservedConcurrencyAsync(function, 0);
        var throttled = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.InvokeAsync(function, "{}"u8.ToArray()));
        Assert.True(throttled.IsThrottling);
        Assert.Equal(SignedHttpClient.MaximumAttempts - 1, lambda.Http.Retries); // retried with backoff, then given up
        await lambda.SetReservedConcurrencyAsync(function, null);

        var reports = await logs.FilterLogEventsAsync("/aws/lambda/" + function, "REPORT", null);
        Assert.Equal([first.RequestId, cold.RequestId], reports.Select(e => LogMessageParser.Parse((string)e["message"]!).Report.RequestId));
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync("no-such-function"));
        Assert.Equal((404, "ResourceNotFoundException"), (missing.StatusCode, missing.ErrorType));
    }
}
