using System.Text.Json;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Summary;
using Lambench.Runner.Journal;
using Lambench.Runner.Plans;

namespace Lambench.Runner.Tests;

/// <summary>
/// A three-round run on the local platform: every round is a full pass on fresh execution environments, every row
/// carries its round (from the plan, and logged back by the Python and Go functions themselves), and the summary's
/// per-round medians are those of the CSV's rows grouped here with LINQ.
/// </summary>
[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformTests.Name)]
public sealed class ReplicatedRunTests
{
    private const string Spec = """
        name: rounds-test
        workload: noop
        channel: invoke
        configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
        variables: [runtime]
        batches:
          - { label: noop }
        protocol: { rounds: 3, warmup: 1, cold_starts: 0, repetitions: 5, reserved_concurrency: 1, order: random, seed: 5 }
        """;

    [Fact]
    public async Task Three_rounds_run_on_fresh_environments_and_each_row_carries_its_round()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, execution, collection) = await local.RunAsync(Spec);

        // Per configuration and round: configure, 1 warm-up, 5 warm; 2 configurations, 3 rounds. No forced cold
        // starts: only the round's configure can give each round environments of its own.
        Assert.Equal(42, execution.StepsRun);
        Assert.Equal((30, 30, 0, 6), (collection.Expected, collection.Found, collection.Missing.Count, collection.ExcludedWarmups));
        var rows = InvocationCsvReader.ReadFile(run.InvocationsPath);
        var roundOfRequest = RoundOfRequest(run);
        var warmupBatches = WarmupBatches(run);
        Assert.Equal(6, warmupBatches.Count);
        Assert.All(rows, r => Assert.Equal(roundOfRequest[r.RequestId], r.Round));
        Assert.Equal(10, rows.Count(r => r.Round == 2));

        foreach (var configuration in rows.GroupBy(r => r.Configuration))
        {
            var events = Events(run, configuration.Key);
            // The function logged the round it was sent: the tag lines carry the same round as the plan.
            // Tag lines: the function's lines with a batch id, but not its embedded metric lines (which carry one too).
            var tags = events.Select(e => e.Message).Where(m => m.Contains("\"batch_id\"", StringComparison.Ordinal) && !m.Contains("\"_aws\"", StringComparison.Ordinal))
                .Select(m => JsonDocument.Parse(m[m.IndexOf('{')..]).RootElement.Clone()).ToList();
            var logged = tags.ToDictionary(t => t.GetProperty("request_id").GetString()!, t => t.GetProperty("round").GetInt32());
            Assert.All(configuration, r => Assert.Equal(r.Round, logged[r.RequestId]));

            // Each round's configure retires the environments: its discarded warm-up, the block's first invocation, is a
            // cold start in every round, not only the first (round 2's would otherwise reuse round 1's last environment).
            var reports = events.Select(e => e.Message).Where(m => m.StartsWith("REPORT RequestId: ", StringComparison.Ordinal))
                .ToDictionary(m => m["REPORT RequestId: ".Length..].Split('\t')[0].Trim());
            var warmups = tags.Where(t => warmupBatches.Contains(t.GetProperty("batch_id").GetString()!)).Select(t => t.GetProperty("request_id").GetString()!).ToList();
            Assert.Equal(3, warmups.Count);
            Assert.All(warmups, id => Assert.Contains("Init Duration", reports[id]));

            // Fresh environments: no log stream (one per execution environment) serves two rounds.
            var streamOf = events.Where(e => e.Message.StartsWith("REPORT RequestId: ", StringComparison.Ordinal))
                .ToDictionary(e => e.Message["REPORT RequestId: ".Length..].Split('\t')[0].Trim(), e => e.Stream);
            var streamsByRound = configuration.GroupBy(r => r.Round).Select(g => g.Select(r => streamOf[r.RequestId]).ToHashSet()).ToList();
            Assert.Equal(3, streamsByRound.Count);
            Assert.Equal(streamsByRound.Sum(s => s.Count), streamsByRound.SelectMany(s => s).Distinct().Count());
        }

        // The summary's round medians: each round's warm Durations sorted and halved here.
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(rows);
        foreach (var row in summary.Rows.Where(r => r.StartType == "warm"))
        {
            var expected = rows.Where(r => r.Configuration == row.Configuration).GroupBy(r => r.Round!.Value).OrderBy(g => g.Key).Select(g => Median(g.Select(r => r.DurationMs)));
            Assert.Equal(expected, row.Rounds!.PerRound.Select(r => r.Median));
            Assert.NotNull(row.Rounds.MedianMeanCi95);
        }

        Assert.All(summary.Comparisons, c => Assert.Equal(3, c.AcrossRounds!.Rounds));

        // The setup the report's Methods paragraph describes comes from the run's collection.json.
        var setup = Assert.Single(Lambench.Analysis.Report.RunCollections.Load([run.InvocationsPath]).Setups);
        // Seed 5 is the spec's: it wins over the seed the test's run directory is prepared with (7).
        Assert.Equal(new RunSetup(3, 1, 0, 5, 1, "random", 5, "noop", "invoke", "local", setup.Batches), setup);
        Assert.Equal(["noop"], setup.Batches);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static Dictionary<string, int> RoundOfRequest(Execution.RunDirectory run)
    {
        using var journal = RunJournal.Open(run.JournalPath);
        var status = journal.Status();
        return run.Plan.Steps.Where(s => s.Kind == StepKind.Invoke && s.Phase != StepPhase.Warmup).ToDictionary(s => status[s.Index].RequestId!, s => s.Round);
    }

    private static HashSet<string> WarmupBatches(Execution.RunDirectory run)
    {
        using var journal = RunJournal.Open(run.JournalPath);
        var status = journal.Status();
        return run.Plan.Steps.Where(s => s.Phase == StepPhase.Warmup).Select(s => status[s.Index].BatchId!).ToHashSet();
    }

    private static List<(string Message, string Stream)> Events(Execution.RunDirectory run, string configuration)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.LogsDirectory, configuration + ".json")));
        return document.RootElement.GetProperty("events").EnumerateArray()
            .Select(e => (e.GetProperty("message").GetString()!, e.GetProperty("logStreamName").GetString()!)).ToList();
    }
}
