using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lambench.LocalPlatform;
using Lambench.Runner.Collection;
using Lambench.Runner.Execution;
using Lambench.Tests.Shared;

namespace Lambench.Benchmarks;

/// <summary>
/// The runner's own cost on the local platform, side by side with a bare peer in the same run: the runner executing a
/// warm-only plan (journal fsynced before and after every step) against a bare loop of the same Invoke calls through
/// the same client, and both against the sum of the invocations' own REPORT durations. Then collection of that run,
/// FilterLogEvents against Logs Insights: API requests per 1,000 invocations and time.
/// </summary>
public static class RunnerBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var repetitions = args.Length > 1 && args[0] == "--repetitions" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var root = RepositoryPaths.Root();
        var directory = Directory.CreateTempSubdirectory("lambench-runner-bench-").FullName;
        try
        {
            await using var platform = await LocalPlatform.LocalPlatform.StartAsync(new LocalPlatformOptions
            {
                TemplatePath = Path.Combine(root, "infra", "template.yaml"),
                Port = 0,
                WorkDirectory = Path.Combine(root, ".lambench", "local-bench"),
                LogDirectory = Path.Combine(directory, "platform-logs"),
            });
            using var http = new HttpClient();
            using var target = RunTargets.Local(http, platform.Endpoint, platform.DynamoDbEndpoint, "lambench", LocalPlatform.LocalPlatform.Region, LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey);
            var specPath = Path.Combine(directory, "bench.yaml");
            File.WriteAllText(specPath, $$"""
                name: runner-bench
                workload: noop
                channel: invoke
                configurations: { runtimes: [go, python], architectures: [x86_64], memory_mb: [512] }
                variables: [runtime]
                batches:
                  - { label: noop }
                protocol: { warmup: 1, cold_starts: 0, repetitions: {{repetitions}}, reserved_concurrency: 1, order: fixed }
                """);
            var run = RunDirectory.Prepare(Path.Combine(directory, "run"), specPath);
            var measured = run.Plan.Invocations(Runner.Plans.StepPhase.Warm);
            Console.WriteLine($"Runner benchmark: {measured} warm invocations (Go and Python no-op, {repetitions} each), local platform, {Environment.ProcessorCount} cores.");
            Console.WriteLine();

            await new ExperimentRunner(target).ExecuteAsync(run);
            // The runner's time for the warm steps alone, from its journal: per configuration, from the first warm
            // step's started to the last one's done (the configure steps' update waits and the cold warm-ups are not
            // in the peer either).
            double runnerSeconds;
            using (var journal = Runner.Journal.RunJournal.Open(run.JournalPath))
            {
                var warm = run.Plan.Steps.Where(s => s.Phase == Runner.Plans.StepPhase.Warm).Select(s => s.Index).ToHashSet();
                runnerSeconds = journal.Entries.Where(e => warm.Contains(e.Step))
                    .GroupBy(e => run.Plan.Steps[e.Step].Configuration)
                    .Sum(g => (g.Max(e => e.Time) - g.Min(e => e.Time)).TotalSeconds);
            }

            // The peer: the same calls through the same client, with nothing recorded.
            var payload = Encoding.UTF8.GetBytes("""{"batch_id": "bare", "label": "noop"}""");
            var bareClock = Stopwatch.StartNew();
            foreach (var function in new[] { "lambench-go-noop-x86_64", "lambench-python-noop-x86_64" })
            {
                for (var i = 0; i < repetitions; i++)
                {
                    await target.Lambda.InvokeAsync(function, payload);
                }
            }

            var bareSeconds = bareClock.Elapsed.TotalSeconds;

            var filterClock = Stopwatch.StartNew();
            var filter = await new InvocationCollector(target with { Collection = LogCollectionMethod.FilterLogEvents }).CollectAsync(run);
            var filterSeconds = filterClock.Elapsed.TotalSeconds;
            var insightsClock = Stopwatch.StartNew();
            var insights = await new InvocationCollector(target with { Collection = LogCollectionMethod.Insights }).CollectAsync(run);
            var insightsSeconds = insightsClock.Elapsed.TotalSeconds;
            var durations = filter.Rows.Where(r => r.StartType == Core.Records.StartType.Warm).Sum(r => r.DurationMs) / 1000;

            string F(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);
            Console.WriteLine("| driver | wall time (s) | per invocation (ms) | wall / sum of REPORT durations | wall / bare loop |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine($"| runner (plan, journal, 2 fsyncs a step) | {F(runnerSeconds)} | {F(runnerSeconds * 1000 / measured)} | {F(runnerSeconds / durations, "F1")} | {F(runnerSeconds / bareSeconds, "F2")} |");
            Console.WriteLine($"| bare Invoke loop (peer) | {F(bareSeconds)} | {F(bareSeconds * 1000 / measured)} | {F(bareSeconds / durations, "F1")} | 1.00 |");
            Console.WriteLine($"| sum of the REPORT durations | {F(durations)} | {F(durations * 1000 / measured)} | 1.0 | |");
            Console.WriteLine();
            Console.WriteLine($"Runner overhead over the bare loop: {F((runnerSeconds - bareSeconds) * 1000 / measured)} ms per invocation (warm steps only, timed from the journal).");
            Console.WriteLine();
            Console.WriteLine("| collection | rows found | API requests | requests per 1,000 invocations | time (s) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Console.WriteLine($"| FilterLogEvents | {filter.Found} of {filter.Expected} | {filter.LogRequests} | {F(filter.LogRequests * 1000.0 / measured, "F2")} | {F(filterSeconds, "F2")} |");
            Console.WriteLine($"| Logs Insights | {insights.Found} of {insights.Expected} | {insights.LogRequests} | {F(insights.LogRequests * 1000.0 / measured, "F2")} | {F(insightsSeconds, "F2")} |");
            Console.WriteLine();
            Console.WriteLine("Local request counts are lower bounds for AWS: there FilterLogEvents pages are often partial, and a query stays Running for several polls.");
            return filter.Found == filter.Expected && insights.Found == insights.Expected ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
