using Lambench.Tests.Shared;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Runner.Costs;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Tests;

/// <summary>
/// Run costs against figures computed by hand from the us-east-1 price file (data/prices/us-east-1.yaml): arm64
/// 0.0000133334 and x86_64 0.0000166667 USD per GB-s, 0.20 USD per million requests, DynamoDB 0.625 USD per million
/// write units of 1 KB, SQS 0.40 USD per million requests of 64 KB.
/// </summary>
public sealed class RunCostEstimatorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-cost-").FullName;
    private readonly RunCostEstimator estimator = new(PriceCatalogLoader.Load());

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A spec (go, arm64, 512 MB) of <paramref name="workload"/> through <paramref name="channel"/> with the given batches (YAML list items, indented 2).</summary>
    private ExperimentSpec Spec(string batches, string workload = "writer", string channel = "sqs")
    {
        var path = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(path, $$"""
            name: cost
            workload: {{workload}}
            channel: {{channel}}
            configurations: { runtimes: [go], architectures: [arm64], memory_mb: [512] }
            batches:
            {{batches}}
            protocol: { rounds: 1, warmup: 1, cold_starts: 0, repetitions: 5, reserved_concurrency: 1, order: fixed }
            """);
        return new ExperimentSpecReader().Read(path);
    }

    [Fact]
    public void Before_a_run_lambda_is_bounded_by_the_timeout_and_writes_and_messages_are_counted_exactly()
    {
        var spec = Spec("  - { label: 1KBx100, size_bytes: 1024, count: 100 }");
        var plan = RunPlanBuilder.Build(spec, "t-run");
        var cost = estimator.Before(spec, plan, timeoutSeconds: 30);

        // 6 invocations (1 warm-up, 5 repetitions), each 30 s x 0.5 GB = 15 GB-s:
        // 15 x 0.0000133334 + 0.0000002 = 0.000200201 USD; x 6 = 0.001201206.
        Assert.Equal(6, cost.Invocations);
        Assert.Equal(0.001201206m, cost.LambdaUsd);
        // An item: "pk" + "batch_id#t-run-00001-1" (22) + "sk" + index (2 bytes) + "label" + "1KBx100" (7) + "data" + 1024
        // = 1068 bytes: over 1 KB, so 2 write units. 100 items x 6 batches x 2 = 1200 units x 0.625 / 1e6.
        Assert.Equal(1200, cost.DynamoDbWriteUnits);
        Assert.Equal(0.00075m, cost.DynamoDbUsd);
        // Send, receive and delete of a message under 64 KB: 3 requests x 6 = 18 x 0.40 / 1e6.
        Assert.Equal((18L, 0.0000072m), (cost.SqsRequests, cost.SqsUsd));
        Assert.Equal(0.001958406m, cost.TotalUsd);
    }

    [Fact]
    public void Before_a_load_run_each_planned_request_of_an_open_load_is_counted_like_an_invocation()
    {
        var path = Path.Combine(_directory, "load.yaml");
        File.WriteAllText(path, """
            name: cost-load
            workload: sleep
            channel: sqs
            configurations: { runtimes: [go], architectures: [arm64], memory_mb: [512] }
            batches: [{ label: pay, sleep_ms: 3000 }]
            protocol: { rounds: 2, warmup: 1, reserved_concurrency: 5, order: fixed }
            load: { open: [{ shape: constant, rate_per_s: 2, duration_s: 5 }, { shape: burst, requests: 5, duration_s: 1 }] }
            """);
        var spec = new ExperimentSpecReader().Read(path);
        var cost = estimator.Before(spec, RunPlanBuilder.Build(spec, "t-run"), timeoutSeconds: 30);

        // Per round 1 warm-up and 10 + 5 load requests: 2 x 16 = 32 invocations of 0.000200201 USD (as above) = 0.006406432;
        // each a message under 64 KB: 3 SQS requests, 96 x 0.40 / 1e6 = 0.0000384.
        Assert.Equal((32L, 0.006406432m), (cost.Invocations, cost.LambdaUsd));
        Assert.Equal((96L, 0.0000384m), (cost.SqsRequests, cost.SqsUsd));
    }

    [Theory]
    // The shipped payment spec's users: 5 for 30 s then 20 for 60 s, thinking at least 100 ms. By hand, at most
    // 5 x (30 / 0.1 + 1) + 20 x (60 / 0.1 + 1) = 1,505 + 12,020 = 13,525 requests a load step.
    [InlineData("think_ms: [100, 500]", 13_525L)]
    [InlineData("think_ms: 0", null)] // users that may think 0 ms: only the answers bound them, nothing is counted
    public void Before_a_closed_loop_run_the_users_requests_are_counted_at_their_most(string think, long? most)
    {
        var path = Path.Combine(_directory, "closed.yaml");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "experiments", "payment-sync.yaml")).Replace("think_ms: [100, 500]", think, StringComparison.Ordinal));
        var spec = new ExperimentSpecReader().Read(path);
        Assert.Equal(most, spec.Load!.Closed!.MostRequests);
        var cost = estimator.Before(spec, RunPlanBuilder.Build(spec, "t-run"), timeoutSeconds: 30);
        Assert.Equal(1 + (most ?? 0), cost.Invocations); // the warm-up, then the load step's requests
        Assert.Equal(1 + (most ?? 0), RunPlanBuilder.InvocationCount(spec));
    }

    [Fact]
    public void A_64_KB_item_is_65_write_units_because_its_key_and_label_count_too()
    {
        // 2 + 22 + 2 + 1 (the number 0) + 5 + 8 ("64KBx100") + 4 + 65536 + 10 ("written_us") + 9 (its value at most)
        // = 65599 bytes; 65599 / 1024 = 64.06: 65 units.
        Assert.Equal(65599, RunCostEstimator.WriterItemBytes("t-run-00001-1", "64KBx100", 0, 65536));
        Assert.Equal(65, new ServiceCostModel(PriceCatalogLoader.Load()).DynamoDbWriteUnits(RunCostEstimator.WriterItemBytes("t-run-00001-1", "64KBx100", 0, 65536)));
        // Numbers: one byte per two significant digits plus one; trailing zeros do not count.
        Assert.Equal(RunCostEstimator.WriterItemBytes("b", "l", 7, 0), RunCostEstimator.WriterItemBytes("b", "l", 7000, 0));
        Assert.Equal(RunCostEstimator.WriterItemBytes("b", "l", 12, 0), RunCostEstimator.WriterItemBytes("b", "l", 7, 0));
        Assert.Equal(RunCostEstimator.WriterItemBytes("b", "l", 123, 0), RunCostEstimator.WriterItemBytes("b", "l", 7, 0) + 1);
        // By hand from the rule: 0 is 1 byte; 120 is "12" at 10^2, an even count at an even power: 1 + 1 + 1.
        Assert.Equal((1, 2, 3, 2, 9), (RunCostEstimator.NumberBytes(0), RunCostEstimator.NumberBytes(37), RunCostEstimator.NumberBytes(120), RunCostEstimator.NumberBytes(1200), RunCostEstimator.NumberBytes(1764866154123457)));
    }

    private ExperimentSpec ReaderSpec(string batches) => Spec(batches, workload: "reader", channel: "invoke");

    [Fact]
    public void A_reader_run_pays_for_writing_its_items_once_and_for_each_eventually_consistent_get_item()
    {
        var spec = ReaderSpec("""
              - { label: ten, size_bytes: 5000, count: 10 }
              - { label: four, size_bytes: 5000, count: 4, parallel: 2, pool: 2, client: fresh }
            """);
        Assert.Equal([(5000L, 10L)], Lambench.Runner.Execution.ReaderSeed.Sets(spec));
        Assert.Equal((2L, 2L, "fresh"), (Convert.ToInt64(spec.Batches[1].Parameters["parallel"], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(spec.Batches[1].Parameters["pool"], System.Globalization.CultureInfo.InvariantCulture), (string)spec.Batches[1].Parameters["client"]));
        var cost = estimator.After(spec, [], [("ten", "b1"), ("four", "b2")]);
        // Seed items: "pk" + "seed#5000" (9) + "sk" + the index (1 byte for 0, 2 for 1 to 9) + "data" + 5000 = 5018 or
        // 5019 bytes: 5 write units of 1 KB each, 10 items: 50 units. A GetItem of such an item: 2 units of 4 KB, halved
        // for an eventually consistent read: 1; 10 + 4 reads: 14 units.
        Assert.Equal((50L, 14m), (cost.DynamoDbWriteUnits, cost.DynamoDbReadUnits));
        // 50 x 0.625 / 1e6 + 14 x 0.125 / 1e6 = 0.00003125 + 0.00000175.
        Assert.Equal(0.000033m, cost.DynamoDbUsd);
        Assert.Contains("50 write units, 14 read units", cost.ToOneLine("billed"));
    }

    [Fact]
    public void A_reader_batch_with_an_unknown_client_setting_is_refused_with_its_place()
    {
        var error = Assert.ThrowsAny<Exception>(() => ReaderSpec("""
              - { label: ten, size_bytes: 5000, count: 10, client: shared }
            """));
        Assert.Contains("client", error.Message);
        Assert.Contains("reuse", error.Message);
    }

    private static InvocationRecord Row(string architecture, int memory, double billed) => new()
    {
        Configuration = "c",
        RequestId = Guid.NewGuid().ToString(),
        DurationMs = billed - 0.5,
        BilledDurationMs = billed,
        MemorySizeMb = memory,
        Architecture = architecture,
    };

    [Fact]
    public void After_a_run_lambda_is_the_billed_durations_at_0_1_2_and_10000_invocations()
    {
        var spec = Spec("  - { label: small, size_bytes: 10, count: 1 }");
        Assert.Equal(0m, estimator.After(spec, [], []).TotalUsd);

        // 100 ms at 512 MB on arm64: 0.05 GB-s x 0.0000133334 = 0.00000066667, plus 0.0000002.
        Assert.Equal(0.00000086667m, estimator.After(spec, [Row("arm64", 512, 100)], []).LambdaUsd);

        // x86_64 at 1024 MB: 1 ms is 0.001 GB-s (0.0000000166667 + 0.0000002); 3000 ms is 3 GB-s (0.0000500001 + 0.0000002).
        Assert.Equal(0.0000504167667m, estimator.After(spec, [Row("x86_64", 1024, 1), Row("x86_64", 1024, 3000)], []).LambdaUsd);

        // 10,000 x (1 ms at 128 MB on x86_64 = 0.000125 GB-s x 0.0000166667 = 0.0000000020833375, plus 0.0000002).
        var many = Enumerable.Range(0, 10_000).Select(_ => Row("x86_64", 128, 1)).ToList();
        Assert.Equal(0.002020833375m, estimator.After(spec, many, []).LambdaUsd);

        // Two batches sent: one item of 10 data bytes each (1 unit), 3 SQS requests each.
        var sent = estimator.After(spec, [], [("small", "t-run-00001-1"), ("small", "t-run-00002-1")]);
        Assert.Equal((2L, 6L), (sent.DynamoDbWriteUnits, sent.SqsRequests));
    }
}
