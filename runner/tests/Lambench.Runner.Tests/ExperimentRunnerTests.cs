using System.Globalization;
using System.Text.Json;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Runner.Collection;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Plans;

namespace Lambench.Runner.Tests;

/// <summary>
/// Whole runs on the local platform: the runner's AWS code path against the platform's AWS-compatible endpoints, with
/// real function processes. Each test starts a platform of its own; the collection keeps them from sharing two cores.
/// </summary>
[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformTests.Name)]
public sealed class ExperimentRunnerTests
{
    private const string NoopSpec = """
        name: runner-test
        workload: noop
        channel: invoke
        configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
        variables: [runtime]
        batches:
          - { label: noop }
        protocol: { rounds: 1, warmup: 1, cold_starts: 2, repetitions: 5, reserved_concurrency: 1, order: fixed }
        """;

    [Fact]
    public async Task A_run_has_one_row_per_measured_step_matched_by_request_id_cold_where_forced_and_no_warmups()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, execution, collection) = await local.RunAsync(NoopSpec);

        // Per configuration: configure, 1 warm-up, 2 cold, 5 warm.
        Assert.Equal((18, 0, 0), (execution.StepsRun, execution.StepsAlreadyDone, execution.Throttles));
        Assert.Equal((14, 14, 0, 2, 1, 0), (collection.Expected, collection.Found, collection.Missing.Count, collection.ExcludedWarmups, collection.Attempts, collection.Throttles));
        var rows = InvocationCsvReader.ReadFile(run.InvocationsPath);
        var journal = DoneRequestIds(run);
        Assert.Equal(journal, rows.Select(r => r.RequestId));
        Assert.Equal(
            [.. Expected("python-x86_64-256mb"), .. Expected("go-x86_64-256mb")],
            rows.Select(r => (r.Configuration, r.StartType, r.Repetition)));
        Assert.All(rows, r =>
        {
            Assert.Equal(("local", "noop", 256, InvocationStatus.Success), (r.Platform, r.Label, r.MemorySizeMb, r.Status));
            Assert.Equal(r.Configuration.Split('-')[0], r.Runtime);
            Assert.Equal("lambench-" + r.Runtime + "-noop-x86_64", r.FunctionName);
            Assert.StartsWith(run.Plan.RunId, r.BatchId);
        });

        // The logs kept in logs/ are the raw material: one file per configuration, every REPORT line of the run in it.
        Assert.Equal(["go-x86_64-256mb.json", "python-x86_64-256mb.json"], Directory.GetFiles(run.LogsDirectory).Select(Path.GetFileName).Order());
        var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.LogsDirectory, "go-x86_64-256mb.json"))).RootElement.GetProperty("events");
        Assert.Equal(8, saved.EnumerateArray().Count(e => e.GetProperty("message").GetString()!.StartsWith("REPORT", StringComparison.Ordinal)));

        // A second run of the finished directory runs nothing and collects the same rows.
        var again = await new ExperimentRunner(local.Target).ExecuteAsync(RunDirectory.Open(run.Root));
        Assert.Equal((0, 18), (again.StepsRun, again.StepsAlreadyDone));
        var recollected = await new InvocationCollector(local.Target).CollectAsync(RunDirectory.Open(run.Root));
        Assert.Equal(rows.Select(r => r.RequestId), recollected.Rows.Select(r => r.RequestId));
    }

    private static IEnumerable<(string, StartType, int?)> Expected(string configuration) =>
        [(configuration, StartType.Cold, 1), (configuration, StartType.Cold, 2), .. Enumerable.Range(1, 5).Select(r => (configuration, StartType.Warm, (int?)r))];

    private static List<string> DoneRequestIds(RunDirectory run)
    {
        using var journal = RunJournal.Open(run.JournalPath);
        var status = journal.Status();
        return run.Plan.Steps.Where(s => s.Kind == StepKind.Invoke && s.Phase != StepPhase.Warmup).Select(s => status[s.Index].RequestId!).ToList();
    }

    [Fact]
    public async Task Ctrl_C_in_the_middle_abandons_the_step_and_a_resume_finishes_without_counting_anything_twice()
    {
        await using var local = await LocalRun.StartAsync();
        var run = local.Prepare(NoopSpec);
        using var stop = new CancellationTokenSource();
        // Stop as step 5 (python's second warm repetition) is announced: it starts, and never finishes.
        var progress = new SynchronousProgress(p =>
        {
            if (p.Done == 5 && p.Activity == "python-x86_64-256mb noop warm 2")
            {
                stop.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ExperimentRunner(local.Target).ExecuteAsync(run, progress, stop.Token));

        var resumed = await new ExperimentRunner(local.Target).ExecuteAsync(RunDirectory.Open(run.Root));
        Assert.Equal(5, resumed.StepsAlreadyDone);
        var collection = await new InvocationCollector(local.Target).CollectAsync(RunDirectory.Open(run.Root));
        Assert.Equal((14, 14, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        Assert.Equal(DoneRequestIds(run), collection.Rows.Select(r => r.RequestId));
        Assert.Equal([.. Expected("python-x86_64-256mb"), .. Expected("go-x86_64-256mb")], collection.Rows.Select(r => (r.Configuration, r.StartType, r.Repetition)));
        Assert.Equal(collection.Rows.Count, collection.Rows.Select(r => r.RequestId).Distinct().Count());

        using var journal = RunJournal.Open(run.JournalPath);
        var stopped = journal.Entries.Where(e => e.State == JournalEntry.Abandoned).ToList();
        Assert.Single(stopped);
        Assert.EndsWith("-00005-1", stopped[0].BatchId);
        Assert.Equal(2, journal.Status()[5].Attempt);
        Assert.EndsWith("-00005-2", journal.Status()[5].BatchId);
    }

    [Fact]
    public async Task Log_lines_that_arrive_late_are_asked_for_again_and_the_ones_that_never_arrive_are_reported()
    {
        await using (var late = await LocalRun.StartAsync(o => o with { LogIngestionDelay = TimeSpan.FromSeconds(3) }, t => t with { CollectionRetryDelay = TimeSpan.FromMilliseconds(500), CollectionTimeout = TimeSpan.FromSeconds(20) }))
        {
            var (_, _, collection) = await late.RunAsync(NoopSpec);
            Assert.Equal((14, 0), (collection.Found, collection.Missing.Count));
            Assert.True(collection.Attempts > 1, $"{collection.Attempts} attempt(s)");
        }

        // Lines that take longer than the collector waits: every missing invocation is named, none silently dropped.
        await using var never = await LocalRun.StartAsync(o => o with { LogIngestionDelay = TimeSpan.FromMinutes(10) }, t => t with { CollectionRetryDelay = TimeSpan.FromMilliseconds(200), CollectionTimeout = TimeSpan.FromSeconds(1) });
        var (run, _, missing) = await never.RunAsync(NoopSpec);
        Assert.Equal((14, 0, 14), (missing.Expected, missing.Found, missing.Missing.Count));
        Assert.Contains(missing.Missing, m => m.StartsWith("python-x86_64-256mb noop cold 1 (batch ", StringComparison.Ordinal) && m.EndsWith(": no REPORT line", StringComparison.Ordinal));
        var saved = JsonDocument.Parse(File.ReadAllText(run.CollectionPath)).RootElement;
        Assert.Equal((14, 0, 14), (saved.GetProperty("expected").GetInt32(), saved.GetProperty("found").GetInt32(), saved.GetProperty("missing").GetArrayLength()));
    }

    [Fact]
    public async Task Throttled_invocations_are_retried_with_backoff_counted_and_every_step_still_lands_once()
    {
        await using var local = await LocalRun.StartAsync(o => o with { ThrottleFraction = 0.3 });
        var (run, execution, collection) = await local.RunAsync(NoopSpec);
        // 14 measured + 2 warm-ups at 30 %: the chance of no throttle at all is 0.7^16, about 0.3 %.
        Assert.True(execution.Throttles > 0, "no throttles counted");
        // What the client was refused is what Lambda's Throttles metric counted (read back through GetMetricStatistics).
        Assert.Equal(execution.Throttles, collection.Throttles);
        Assert.Equal((14, 14, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        Assert.Equal(14, collection.Rows.Select(r => r.RequestId).Distinct().Count());

        // Per configuration in collection.json, with every invocation that ran (7 measured + 1 warm-up each), for the report.
        Assert.Equal(collection.Throttles, collection.ThrottlesByConfiguration!.Values.Sum());
        Assert.Equal(new Dictionary<string, int> { ["go-x86_64-256mb"] = 8, ["python-x86_64-256mb"] = 8 }, collection.InvocationsByConfiguration);
        var throttles = Lambench.Analysis.Report.RunCollections.Load([run.InvocationsPath]).Throttles;
        Assert.Equal(collection.ThrottlesByConfiguration.OrderBy(t => t.Key, StringComparer.Ordinal), throttles.Select(t => KeyValuePair.Create(t.Configuration, t.Throttled)));
        Assert.All(throttles, t => Assert.Equal(8, t.Invocations));
    }

    [Fact]
    public async Task Failing_and_timed_out_invocations_are_rows_with_that_status()
    {
        await using var local = await LocalRun.StartAsync(o => o with { ParameterOverrides = new Dictionary<string, string> { ["Timeout"] = "1" } });
        var (run, _, collection) = await local.RunAsync("""
            name: faults
            workload: noop
            channel: invoke
            configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
            variables: [runtime]
            batches:
              - { label: raises, fail: raise }
              - { label: hangs, fail: hang }
            protocol: { rounds: 1, warmup: 0, cold_starts: 0, repetitions: 5, reserved_concurrency: 1, order: fixed }
            """);
        Assert.Equal((20, 20, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        foreach (var group in collection.Rows.GroupBy(r => (r.Configuration, r.Label)))
        {
            var status = group.Key.Label == "raises" ? InvocationStatus.Error : InvocationStatus.Timeout;
            Assert.All(group, r => Assert.Equal(status, r.Status));
            Assert.Equal(5, group.Count());
        }

        Assert.All(collection.Rows.Where(r => r.Status == InvocationStatus.Timeout), r => Assert.InRange(r.DurationMs, 1000, 1500));
        var csv = File.ReadAllText(run.InvocationsPath);
        Assert.Contains(",timeout,", csv);
        Assert.Contains(",error,", csv);
    }

    [Fact]
    public async Task The_writer_over_sqs_and_the_function_url_channel_deliver_every_batch_once()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, _, writes) = await local.RunAsync("""
            name: writer-sqs
            workload: writer
            channel: sqs
            configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [512] }
            variables: [runtime]
            batches:
              - { label: 1KBx20, size_bytes: 1024, count: 20 }
              - { label: 4KBx5, size_bytes: 4096, count: 5 }
            protocol: { rounds: 1, warmup: 1, cold_starts: 0, repetitions: 5, reserved_concurrency: 1, order: random, drain_timeout_s: 60 }
            """);
        Assert.Equal((20, 20, 0, 0), (writes.Expected, writes.Found, writes.Missing.Count, writes.Redeliveries));
        Assert.Equal((20, 0), (writes.ItemsChecked, writes.ItemMismatches.Count));
        Assert.NotNull(run.Plan.Seed);
        Assert.All(writes.Rows, r => Assert.Equal(InvocationStatus.Success, r.Status));

        await using var url = await LocalRun.StartAsync();
        var (_, _, viaUrl) = await url.RunAsync(NoopSpec.Replace("channel: invoke", "channel: url", StringComparison.Ordinal));
        Assert.Equal((14, 14, 0), (viaUrl.Expected, viaUrl.Found, viaUrl.Missing.Count));
        Assert.Equal(4, viaUrl.Rows.Count(r => r.StartType == StartType.Cold));
    }

    [Fact]
    public async Task The_api_channel_finds_the_http_api_in_the_stacks_outputs_and_matches_each_route_call_by_the_batch_id_the_function_logs()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, _, viaApi) = await local.RunAsync(NoopSpec.Replace("channel: invoke", "channel: api", StringComparison.Ordinal));
        Assert.Equal((14, 14, 0, 0), (viaApi.Expected, viaApi.Found, viaApi.Missing.Count, viaApi.Conflicts.Count));
        Assert.Equal(4, viaApi.Rows.Count(r => r.StartType == StartType.Cold));
        // API Gateway answers with its own id: the journal has no request id, and each row's is the function's own.
        using var journal = RunJournal.Open(run.JournalPath);
        Assert.All(journal.Entries.Where(e => e.State == JournalState.Done), e => Assert.Null(e.RequestId));
        Assert.All(viaApi.Rows, r => Assert.True(Guid.TryParse(r.RequestId, out _)));
    }

    [Fact]
    public async Task The_event_channel_waits_for_each_events_report_line_and_matches_it_by_the_request_id_of_the_202()
    {
        await using var local = await LocalRun.StartAsync(adjustTarget: t => t with { DrainPollInterval = TimeSpan.FromMilliseconds(50) });
        var (run, _, events) = await local.RunAsync(NoopSpec.Replace("channel: invoke", "channel: event", StringComparison.Ordinal));
        Assert.Equal((14, 14, 0, 0), (events.Expected, events.Found, events.Missing.Count, events.Conflicts.Count));
        // A forced cold start changes the configuration only after the previous event ran: the steps never overlap.
        Assert.Equal(4, events.Rows.Count(r => r.StartType == StartType.Cold));
        using var journal = RunJournal.Open(run.JournalPath);
        var done = journal.Entries.Where(e => e.State == JournalState.Done && e.RequestId is not null).ToList();
        Assert.All(done, e => Assert.StartsWith("event accepted; its REPORT line was searchable after", e.Detail));
        Assert.Subset(done.Select(e => e.RequestId!).ToHashSet(), events.Rows.Select(r => r.RequestId).ToHashSet());
    }

    [Fact]
    public async Task Logs_insights_collection_finds_the_same_rows_and_splits_a_window_that_comes_back_full()
    {
        await using var local = await LocalRun.StartAsync(adjustTarget: t => t with { Collection = LogCollectionMethod.Insights });
        var (run, _, collection) = await local.RunAsync(NoopSpec);
        Assert.Equal((14, 14, 0, 0), (collection.Expected, collection.Found, collection.Missing.Count, collection.FullInsightsWindows));
        Assert.Equal(DoneRequestIds(run), collection.Rows.Select(r => r.RequestId));
        // Per configuration one StartQuery and two GetQueryResults (the platform answers Running first).
        Assert.Equal(6, collection.LogRequests);

        // Another function: three bursts of 30 invocations a second apart, read 100 rows at a time: the full window is halved until each
        // part fits, and nothing is lost; a one-second window still full is counted, not hidden.
        var lambda = local.Target.Lambda;
        var start = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var burst = 0; burst < 3; burst++)
        {
            // Start each burst just after a second begins, so that it lies within that second.
            await Task.Delay(1010 - DateTime.UtcNow.Millisecond);
            var second = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            for (var i = 0; i < 30; i++)
            {
                await lambda.InvokeAsync("lambench-go-cpu-x86_64", System.Text.Encoding.UTF8.GetBytes($$"""{"batch_id": "split-{{burst}}-{{i}}", "operation": "math", "data_size": 10, "iterations": 1}"""));
            }

            Assert.Equal(second, DateTimeOffset.UtcNow.ToUnixTimeSeconds()); // for the arithmetic below
        }

        var end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var reader = new InsightsLogReader(local.Target.Logs, TimeSpan.FromMilliseconds(10), limit: 100);
        var events = await reader.ReadAsync("/aws/lambda/lambench-go-cpu-x86_64", start, end);
        // REPORT, tag and HandlerTime line (its embedded metric line carries the batch id) per invocation: 90 a burst, 270 in all.
        Assert.Equal(270, events.Count);
        Assert.Equal(90, events.Count(e => ((string)e["message"]!).StartsWith("REPORT", StringComparison.Ordinal)));
        Assert.Equal(0, reader.FullWindows);
        var tight = new InsightsLogReader(local.Target.Logs, TimeSpan.FromMilliseconds(10), limit: 75);
        Assert.Equal(225, (await tight.ReadAsync("/aws/lambda/lambench-go-cpu-x86_64", start, end)).Count);
        Assert.Equal(3, tight.FullWindows);
    }

    [Fact]
    public async Task A_failing_sqs_message_is_redelivered_each_delivery_ran_and_the_rows_and_item_counts_say_so()
    {
        await using var local = await LocalRun.StartAsync();
        // A visibility timeout of 1 s instead of the template's 180, so that redeliveries come within the test.
        var queue = (await local.Target.Sqs.GetQueueUrlAsync("lambench-python-writer-x86_64-writes")).QueueUrl;
        await local.Target.Sqs.SetQueueAttributesAsync(queue, new Dictionary<string, string> { ["VisibilityTimeout"] = "1" });
        var run = local.Prepare("""
            name: redeliveries
            workload: writer
            channel: sqs
            configurations: { runtimes: [python], architectures: [x86_64], memory_mb: [512] }
            batches:
              - { label: fails, size_bytes: 10, count: 1, fail: raise }
            protocol: { rounds: 1, warmup: 0, cold_starts: 0, repetitions: 5, reserved_concurrency: 1, order: fixed, drain_timeout_s: 60 }
            """);
        await new ExperimentRunner(local.Target).ExecuteAsync(run);
        // The queue is drained when its last message goes to the dead-letter queue, which a poller may do while the
        // message's third delivery still runs (under load, longer than the 1 s visibility timeout): its REPORT line
        // would come after the collection. Collected once the function runs nothing.
        var writer = local.Platform.Functions["lambench-python-writer-x86_64"];
        for (var wait = 0; wait < 300 && writer.InvocationsInFlight > 0; wait++)
        {
            await Task.Delay(100);
        }

        var collection = await new InvocationCollector(local.Target).CollectAsync(run);

        // maxReceiveCount 3 (the template's dead-letter policy): three receives a message, 15 in all. Each one either
        // ran and failed (the last is the row, the ones before it redeliveries) or was throttled: under load a cold
        // start can outlast the 1 s visibility timeout, the second poller receives the message again, and reserved
        // concurrency 1 refuses it (the SQS trap), which uses up a receive without running.
        Assert.Equal((5, 5, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        Assert.True(collection.Found + collection.Redeliveries + collection.Throttles == 15,
            $"found {collection.Found} + redeliveries {collection.Redeliveries} + throttles {collection.Throttles} != 15; rejected: {string.Join("; ", collection.RejectedLines)}; other {collection.ExcludedOther}; mappings: {string.Join(", ", local.Platform.EventSourceMappings.Select(m => $"{m.Function.State.Definition.FunctionName} {m.Invocations} invocations {m.Errors} errors {m.Throttles} throttles"))}");
        Assert.All(collection.Rows, r => Assert.Equal(Core.Records.InvocationStatus.Error, r.Status));
        Assert.Equal(5, collection.ItemMismatches.Count);
        Assert.All(collection.ItemMismatches, m => Assert.EndsWith(": 0 DynamoDB items, expected 1", m));
        Assert.Equal(15, collection.RunRows.Count + collection.Throttles); // what the run cost: every delivery that ran
    }

    [Fact]
    public async Task A_run_directory_is_used_by_one_process_at_a_time()
    {
        await using var local = await LocalRun.StartAsync();
        var run = local.Prepare(NoopSpec);
        using (run.Lock())
        {
            // FileShare.None is an exclusive flock on Linux: a second holder, in this process or another, is refused.
            var error = Assert.Throws<RunDirectoryException>(() => RunDirectory.Open(run.Root).Lock());
            Assert.Contains($"is in use by another lambench run (process {Environment.ProcessId})", error.Message);
        }

        using (RunDirectory.Open(run.Root).Lock())
        {
        }
    }

    [Fact]
    public async Task A_target_that_does_not_fit_the_spec_runs_nothing_and_says_why()
    {
        await using var local = await LocalRun.StartAsync();
        var run = local.Prepare(NoopSpec.Replace("architectures: [x86_64]", "architectures: [arm64]", StringComparison.Ordinal));
        var error = await Assert.ThrowsAsync<RunException>(() => new ExperimentRunner(local.Target).ExecuteAsync(run));
        // No arm64 python3 here: the function is Failed rather than run on x86_64 under an arm64 label.
        Assert.Contains("lambench-python-noop-arm64 is Failed:", error.Message);
        Assert.StartsWith("the target does not fit the spec, nothing was run", error.Message);
        using var journal = RunJournal.Open(run.JournalPath);
        Assert.Empty(journal.Entries);
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the pool, too late to stop at a given step).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
