using Lambench.Runner.Aws;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>
/// The aws target's own Lambda, Logs, CloudWatch, STS and CloudFormation clients against moto, an AWS implementation
/// nobody here wrote, with the account built and the log lines put by boto3. Where moto departs from AWS, the test
/// name says so. System tier: a real moto_server process.
/// </summary>
[Trait("Tier", "system")]
public sealed class MotoClientTests(MotoAccountFixture account) : IClassFixture<MotoAccountFixture>, IDisposable
{
    private const string PythonFunction = MotoAccountFixture.PythonFunction;
    private const string GoFunction = MotoAccountFixture.GoFunction;

    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private MotoServer Moto => account.Moto;

    private AwsAccountClients Clients => AwsAccountClients.Fixed(http, Moto.Endpoint, MotoServer.Region, MotoServer.AccessKey, MotoServer.SecretKey);

    public void Dispose() => http.Dispose();

    [Fact]
    public async Task Lambda_configuration_update_waits_for_successful_and_reserved_concurrency_round_trips()
    {
        var lambda = Clients.Lambda;
        var go = await lambda.GetFunctionConfigurationAsync(GoFunction);
        Assert.Equal(("arm64", "provided.al2023", 512, 30, "Active"), (go.Architecture, go.Runtime, go.MemorySize, go.Timeout, go.State));

        var updated = await lambda.UpdateFunctionConfigurationAsync(PythonFunction, 1024, new Dictionary<string, string> { ["LAMBENCH_FORCE_COLD"] = "7" }, TimeSpan.FromSeconds(10));
        Assert.Equal("Successful", updated.LastUpdateStatus);
        var read = await lambda.GetFunctionConfigurationAsync(PythonFunction);
        Assert.Equal(1024, read.MemorySize);
        Assert.Equal("7", read.Environment["LAMBENCH_FORCE_COLD"]);

        await lambda.SetReservedConcurrencyAsync(PythonFunction, 1);
        await lambda.SetReservedConcurrencyAsync(PythonFunction, null);
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => lambda.GetFunctionConfigurationAsync("lambench-no-such-function"));
        Assert.Equal(("ResourceNotFoundException", 404), (missing.ErrorType, missing.StatusCode));
    }

    [Fact]
    public async Task Invoke_answers_with_a_request_id_and_the_function_url_is_found()
    {
        var result = await Clients.Lambda.InvokeAsync(PythonFunction, """{"batch_id":"b1"}"""u8.ToArray());
        Assert.Equal(200, result.StatusCode);
        Assert.False(string.IsNullOrEmpty(result.RequestId));
        Assert.Null(result.FunctionError);
        var url = await Clients.Lambda.GetFunctionUrlAsync(PythonFunction);
        Assert.Equal("https", url.Scheme);
    }

    [Fact]
    public async Task Moto_gap_invoke_without_docker_returns_no_log_tail_and_a_request_id_that_is_not_a_uuid()
    {
        // AWS answers Log-Type Tail with the last 4 KB of the log (its REPORT line) and a UUID request id; moto without
        // Docker runs no code, so there is no tail and its id is a random 52-character token. The runner matches REPORT
        // lines by whatever id Invoke answered, so it works either way.
        var result = await Clients.Lambda.InvokeAsync(GoFunction, "{}"u8.ToArray());
        Assert.Equal(string.Empty, result.LogTail);
        Assert.False(Guid.TryParse(result.RequestId, out _));
    }

    [Fact]
    public async Task FilterLogEvents_follows_next_token_over_more_than_10000_events_put_by_boto3()
    {
        var messages = Enumerable.Range(0, 10_050).Select(i => $"REPORT RequestId: r-{i}\tDuration: 1.00 ms\tBilled Duration: 1 ms\tMemory Size: 512 MB\tMax Memory Used: 40 MB\t").ToArray();
        await Moto.PythonAsync("put-logs", new Dictionary<string, string[]> { [$"/aws/lambda/{GoFunction}"] = messages });

        var events = await Clients.Logs.FilterLogEventsAsync($"/aws/lambda/{GoFunction}", "\"REPORT RequestId\"", 0);
        Assert.Equal(10_050, events.Count);
        Assert.Equal(messages.ToHashSet(), events.Select(e => (string)e["message"]!).ToHashSet());
    }

    [Fact]
    public async Task DescribeLogGroups_follows_next_token()
    {
        var names = await Clients.Logs.DescribeLogGroupNamesAsync("/aws/lambda/lambench-");
        Assert.Equal(62, names.Count);
        Assert.Contains($"/aws/lambda/{PythonFunction}", names);
        Assert.Contains("/aws/lambda/lambench-extra-59", names);
    }

    [Fact]
    public async Task Moto_gap_insights_ignores_the_filter_and_answers_timestamps_in_epoch_milliseconds()
    {
        var group = $"/aws/lambda/{PythonFunction}";
        await Moto.PythonAsync("put-logs", new Dictionary<string, string[]>
        {
            [group] = ["START RequestId: q-1 Version: $LATEST", "REPORT RequestId: q-1\tDuration: 2.50 ms\tBilled Duration: 3 ms\tMemory Size: 512 MB\tMax Memory Used: 41 MB\t"],
        });
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var reader = new Collection.InsightsLogReader(Clients.Logs, TimeSpan.FromMilliseconds(50));
        var id = await Clients.Logs.StartQueryAsync(group, now - 600, now + 60, reader.Query, 100);
        (string Status, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows) answer = ("Running", []);
        for (var poll = 0; poll < 50 && answer.Status is "Running" or "Scheduled"; poll++)
        {
            answer = await Clients.Logs.GetQueryResultsAsync(id);
        }

        // AWS would return the REPORT line only, its @timestamp as "2026-11-23 18:43:23.000"; moto returns both lines
        // with @timestamp in epoch milliseconds. The reader refuses the answer with a clear error rather than guess.
        Assert.Equal("Complete", answer.Status);
        Assert.Equal(2, answer.Rows.Count);
        Assert.Contains(answer.Rows, r => r["@message"].StartsWith("REPORT RequestId: q-1", StringComparison.Ordinal));
        Assert.True(long.TryParse(answer.Rows[0]["@timestamp"], out _));
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => reader.ReadAsync(group, (now - 600) * 1000, (now + 60) * 1000));
        Assert.Equal("MalformedAnswer", error.ErrorType);
    }

    [Fact]
    public async Task Throttles_metric_sum_comes_back_from_GetMetricStatistics()
    {
        await Moto.PythonAsync("throttles", null, PythonFunction, "3");
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(3, await Clients.Metrics.LambdaMetricSumAsync(PythonFunction, "Throttles", now.AddMinutes(-10), now.AddMinutes(1)));
        Assert.Equal(0, await Clients.Metrics.LambdaMetricSumAsync(GoFunction, "Throttles", now.AddMinutes(-10), now.AddMinutes(1)));
    }

    [Fact]
    public async Task Caller_identity_and_stack_tags_and_outputs_are_read()
    {
        var identity = await Clients.Identity.GetCallerIdentityAsync();
        Assert.Equal("123456789012", identity.Account);
        Assert.StartsWith("arn:aws:", identity.Arn, StringComparison.Ordinal);

        var stack = await Clients.Stacks.DescribeStackAsync("lambench");
        Assert.NotNull(stack);
        Assert.True(stack.IsUsable, stack.Status);
        Assert.Equal("abc123", stack.Tags["lambench:template-sha256"]);
        Assert.Equal("lambench-marker", stack.Outputs["Marker"].Split('/').Last());
        Assert.Null(await Clients.Stacks.DescribeStackAsync("lambench-absent"));
    }
}
