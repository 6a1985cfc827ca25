using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Aws;
using Lambench.Runner.Collection;
using Lambench.Runner.Execution;
using Lambench.Runner.Tests.Fakes;

namespace Lambench.Runner.Tests;

/// <summary>
/// The fast tier: whole runs, plan to invocations.csv and requests.csv, against Lambda and CloudWatch in memory. No
/// process, socket or wait: the runner's and the collector's own logic, in well under a second a run.
/// </summary>
public sealed class FastRunTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-fast-").FullName;
    private readonly HttpClient _http = new();

    public void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The Go function takes 1.5 ms, the Python one 3.25 ms.</summary>
    private (InMemoryLambda Lambda, RunTarget Target) Fake()
    {
        var lambda = new InMemoryLambda((function, _) => function.Contains("-go-", StringComparison.Ordinal) ? 1.5 : 3.25);
        lambda.Add("lambench-go-noop-x86_64", "x86_64");
        lambda.Add("lambench-python-noop-x86_64", "x86_64", "python3.12");
        var credentials = new BasicAWSCredentials("fake", "fake");
        var nowhere = "http://127.0.0.1:9"; // never called: these runs use no queue, no table and no HTTP API
        var urls = new FunctionUrlClient(_http, "us-east-1", _ => Task.FromResult(new ImmutableCredentials("fake", "fake", null)));
        var apis = new HttpApiClient(_http, "us-east-1", _ => Task.FromResult(new ImmutableCredentials("fake", "fake", null)));
        return (lambda, new RunTarget
        {
            Platform = Platform.Local,
            StackName = "lambench",
            Region = "us-east-1",
            Lambda = lambda,
            Logs = lambda,
            Metrics = lambda,
            FunctionUrls = urls,
            LoadLambda = lambda,
            LoadFunctionUrls = urls,
            Stacks = new CloudFormationClient(_http, AwsEndpoint.Fixed(new Uri(nowhere), "us-east-1", "fake", "fake")),
            HttpApis = apis,
            LoadHttpApis = apis,
            Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = nowhere }),
            DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = nowhere }),
            CollectionTimeout = TimeSpan.Zero,
        });
    }

    private RunDirectory Prepare(string yaml)
    {
        var spec = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(spec, yaml);
        return RunDirectory.Prepare(Path.Combine(_directory, "run"), spec, seed: 7);
    }

    [Theory]
    [InlineData("invoke")]
    [InlineData("event")] // each event's REPORT line is waited for in the logs, then matched by the 202's request id
    public async Task A_step_run_has_one_row_per_measured_step_cold_where_forced_with_the_durations_the_functions_took(string channel)
    {
        var (_, target) = Fake();
        using var held = target;
        var run = Prepare("""
            name: fast
            workload: noop
            channel: invoke
            configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
            variables: [runtime]
            batches: [{ label: noop }]
            protocol: { rounds: 2, warmup: 1, cold_starts: 2, repetitions: 5, reserved_concurrency: 1, order: random }
            """.Replace("channel: invoke", $"channel: {channel}", StringComparison.Ordinal));
        await new ExperimentRunner(target).ExecuteAsync(run);
        var collection = await new InvocationCollector(target).CollectAsync(run);

        // Per round and configuration: 2 cold and 5 warm measured, the warm-up left out: 2 x 2 x 7 = 28.
        Assert.Equal((28, 28, 0, 4), (collection.Expected, collection.Found, collection.Missing.Count, collection.ExcludedWarmups));
        var rows = InvocationCsvReader.ReadFile(run.InvocationsPath);
        Assert.Equal(8, rows.Count(r => r.StartType == StartType.Cold));
        Assert.All(rows, r => Assert.Equal(r.Configuration.StartsWith("go", StringComparison.Ordinal) ? 1.5 : 3.25, r.DurationMs));
        Assert.All(rows.Where(r => r.StartType == StartType.Cold), r => Assert.Equal(100, r.InitDurationMs));
        Assert.Equal([1, 2], rows.Select(r => r.Round).Distinct().Order());
    }

    [Theory]
    // By hand: asked at 0 s, then after waits of 2, 4, 8, 16 s (doubling, at most 30 s) while the next wait ends by the
    // 59 s timeout. Searchable after 5 s: found on the third ask (at 6 s). Never searchable: asks at 0, 2, 6, 14 and
    // 30 s, then the next wait (30 s) would end at 60 s, past the timeout. The test moves the fake clock in 0.5 s steps,
    // so an ask may come up to a step late each time.
    [InlineData(5, 3, 0, 6)]
    [InlineData(null, 5, 14, 30)]
    public async Task Report_lines_that_arrive_late_are_asked_for_again_on_the_targets_clock_until_the_timeout(int? searchableAfterS, int asks, int missing, int lastAskS)
    {
        var (lambda, fake) = Fake();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var logs = new LateLogs(lambda, clock, searchableAfterS is { } s ? clock.GetUtcNow().AddSeconds(s) : DateTimeOffset.MaxValue);
        using var target = fake with { Logs = logs, Time = clock, CollectionTimeout = TimeSpan.FromSeconds(59), CollectionRetryDelay = TimeSpan.FromSeconds(2) };
        var run = Prepare("""
            name: late
            workload: noop
            channel: invoke
            configurations: { runtimes: [go], architectures: [x86_64], memory_mb: [256] }
            batches: [{ label: noop }]
            protocol: { rounds: 1, warmup: 1, cold_starts: 2, repetitions: 12, reserved_concurrency: 1, order: fixed }
            """);
        await new ExperimentRunner(fake).ExecuteAsync(run);

        var collecting = new InvocationCollector(target).CollectAsync(run);
        while (!collecting.IsCompleted)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(1);
        }

        var collection = await collecting;
        Assert.Equal((asks, missing, 14 - missing), (collection.Attempts, collection.Missing.Count, collection.Found));
        Assert.Equal(asks, logs.Asks.Count);
        Assert.InRange((logs.Asks[^1] - logs.Asks[0]).TotalSeconds, lastAskS, lastAskS + 0.5 * asks);
    }

    /// <summary>The in-memory logs, searchable only from a time on the fake clock; each FilterLogEvents is noted.</summary>
    private sealed class LateLogs(InMemoryLambda inner, TimeProvider clock, DateTimeOffset searchableFrom) : ILogsApi
    {
        public List<DateTimeOffset> Asks { get; } = [];

        public int Requests => inner.Requests;

        public async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> FilterLogEventsAsync(string logGroupName, string? filterPattern, long? startTimeMs, CancellationToken cancellation = default)
        {
            Asks.Add(clock.GetUtcNow());
            return clock.GetUtcNow() < searchableFrom ? [] : await inner.FilterLogEventsAsync(logGroupName, filterPattern, startTimeMs, cancellation);
        }

        public Task<IReadOnlyList<string>> DescribeLogGroupNamesAsync(string prefix, CancellationToken cancellation = default) => inner.DescribeLogGroupNamesAsync(prefix, cancellation);

        public Task<string> StartQueryAsync(string logGroupName, long startTimeSeconds, long endTimeSeconds, string queryString, int limit, CancellationToken cancellation = default) =>
            inner.StartQueryAsync(logGroupName, startTimeSeconds, endTimeSeconds, queryString, limit, cancellation);

        public Task<(string Status, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)> GetQueryResultsAsync(string queryId, CancellationToken cancellation = default) =>
            inner.GetQueryResultsAsync(queryId, cancellation);
    }

    [Fact]
    public async Task An_open_load_joins_every_request_with_its_report_line_and_splits_its_latency()
    {
        var (_, target) = Fake();
        using var held = target;
        var run = Prepare("""
            name: fast-load
            workload: noop
            channel: invoke
            configurations: { runtimes: [go], architectures: [x86_64], memory_mb: [256] }
            batches: [{ label: noop }]
            protocol: { rounds: 1, warmup: 1, reserved_concurrency: none, order: fixed }
            load: { open: [{ shape: constant, rate_per_s: 400, duration_s: 0.25 }] }
            """);
        await new ExperimentRunner(target).ExecuteAsync(run);
        var collection = await new InvocationCollector(target).CollectAsync(run);

        Assert.Equal((100, 100, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        // What the services around the function are priced on after the run: the warm-up's message and each request's.
        Assert.Equal(1 + 100, collection.SentBatches.Count);
        Assert.Equal(100, collection.SentBatches.Count(b => Lambench.Runner.Loads.LoadRequest.StepBatchId(b.BatchId) is not null));
        var lines = File.ReadAllLines(run.RequestsPath);
        var header = lines[0].Split(',');
        int At(string column) => Array.IndexOf(header, column);
        Assert.Equal(100, lines.Length - 1);
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            double Number(string column) => double.Parse(cells[At(column)], CultureInfo.InvariantCulture);
            // The warm-up started the environment: every load request is warm, so the share is client latency - 1.5 ms.
            Assert.Equal(("ok", "warm", 1.5), (cells[At("outcome")], cells[At("start_type")], Number("duration_ms")));
            Assert.Equal(Number("client_latency_ms") - 1.5, Number("platform_network_ms"), 0.0015);
        }
    }

    [Fact]
    public async Task The_pipeline_takes_a_run_from_its_plan_to_its_report_telling_each_stage_without_a_command_line()
    {
        var (_, target) = Fake();
        using var held = target;
        var run = Prepare("""
            name: fast-pipeline
            workload: noop
            channel: invoke
            configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
            variables: [runtime]
            batches: [{ label: noop }]
            protocol: { rounds: 1, warmup: 1, cold_starts: 1, repetitions: 5, reserved_concurrency: 1, order: fixed }
            """);
        var observer = new RecordingObserver();
        var result = await new Experiments.ExperimentPipeline(target, observer).RunAsync(run, new Experiments.PipelineOptions { StaticFigures = false }, CancellationToken.None);

        Assert.Equal(Experiments.PipelineResult.Complete, result);
        // Local target: no estimate and no cost lines (those are AWS's); 2 configurations x (1 cold + 5 warm) rows.
        Assert.Equal(["executed", "collected 12", "report 12"], observer.Events);
        Assert.True(File.Exists(Path.Combine(run.ReportDirectory, "summary.csv")));
    }

    private sealed class RecordingObserver : Experiments.IExperimentObserver
    {
        public List<string> Events { get; } = [];
        public IProgress<string> Progress { get; } = new Progress<string>();
        public IProgress<RunProgress> Steps { get; } = new Progress<RunProgress>();
        public void Estimated(Costs.RunCost estimate, int timeoutSeconds, Experiments.RunPricing pricing, string? loadNote) => Events.Add("estimated");
        public void Executed(RunExecution execution) => Events.Add("executed");
        public void Collected(CollectionResult collection, string invocationsPath) => Events.Add($"collected {collection.Rows.Count}");
        public void Cost(Costs.RunCost cost, Experiments.RunPricing pricing) => Events.Add("cost");
        public void Warning(string message) => Events.Add("warning: " + message);
        public void ReportWritten(Analysis.Report.ReportOutcome outcome, int invocations, string indexPath) => Events.Add($"report {invocations}");
    }
}
