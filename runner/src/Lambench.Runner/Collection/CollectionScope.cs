using Lambench.Core.Vocabulary;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Loads;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Collection;

/// <summary>
/// What a run's journal says collection must find: the measured steps that ran and the load requests that reached a
/// function, the batch ids to leave out (warm-ups, abandoned attempts), and what was sent, for the cost of the services
/// around the functions.
/// </summary>
internal sealed record CollectionScope(
    List<Expected> Expected, int NotRun, List<(PlanStep Step, LoadRequest Request)> LoadRequests,
    HashSet<string> WarmupBatches, HashSet<string> AbandonedBatches, IReadOnlyList<JournalEntry> Entries)
{
    /// <summary>A minute before the run's first step: the log group may hold other runs. Null before any step ran.</summary>
    public DateTimeOffset? Start => Entries.Count == 0 ? null : Entries.Min(e => e.Time).AddMinutes(-1);

    public static CollectionScope Of(RunDirectory run)
    {
        IReadOnlyDictionary<int, StepStatus> status;
        IReadOnlyList<JournalEntry> entries;
        using (var journal = RunJournal.Open(run.JournalPath))
        {
            status = journal.Status();
            entries = journal.Entries.ToList();
        }

        var measured = run.Plan.Steps.Where(s => s.Kind == StepKind.Invoke && s.Phase != StepPhase.Warmup).ToList();
        var expected = measured.Where(s => status.GetValueOrDefault(s.Index)?.IsDone == true).Select(s => new Expected(s, status[s.Index])).ToList();
        var notRun = measured.Count - expected.Count;
        var loadRequests = LoadRequestJoin.Requests(run, status);
        expected.AddRange(loadRequests
            .Select(l => (l.Step, Expectation: LoadRequestJoin.Expectation(l.Step, l.Request, run.Spec.Channel, status[l.Step.Index].Attempt)))
            .Where(l => l.Expectation is not null)
            .Select(l => new Expected(l.Step, l.Expectation!.Value.Status, l.Expectation.Value.Optional)));
        var warmupBatches = run.Plan.Steps.Where(s => s.Phase == StepPhase.Warmup).Select(s => status.GetValueOrDefault(s.Index)?.BatchId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var abandonedBatches = status.Values.SelectMany(s => s.Abandoned).ToHashSet(StringComparer.Ordinal);
        return new CollectionScope(expected, notRun, loadRequests, warmupBatches, abandonedBatches, entries);
    }

    /// <summary>
    /// What was sent: each step's message, and each load request the service took (API Gateway bills a call it
    /// throttled with 429 as none), not the load step itself.
    /// </summary>
    public List<(string Label, string BatchId)> Sent(RunDirectory run)
    {
        var steps = run.Plan.Steps.ToDictionary(s => s.Index);
        return Entries
            .Where(e => e.BatchId is not null && e.State is JournalEntry.Started or JournalEntry.Resumed && (e.State == JournalEntry.Resumed || steps[e.Step].Kind != StepKind.Load))
            .Select(e => (Label: e.State == JournalEntry.Resumed ? run.Spec.Batches[0].Label : steps[e.Step].Batch!, e.BatchId!))
            .Concat(LoadRequests.Where(l => l.Request.Outcome != Load.Recording.LoadOutcome.Throttled).Select(l => (Label: l.Step.Batch!, l.Request.BatchId)))
            .ToList();
    }

    /// <summary>For the writer: each step whose DynamoDB item count differs from its batch's count, as a line.</summary>
    public static List<string> ItemMismatches(RunDirectory run, IEnumerable<Expected> expected) =>
        run.Spec.Workload != Workload.Writer ? [] : expected
            .Select(e => (e, Count: Convert.ToInt32(run.Spec.Batches.First(b => b.Label == e.Step.Batch).Parameters["count"], System.Globalization.CultureInfo.InvariantCulture)))
            .Where(x => x.e.Status.Items != x.Count)
            .Select(x => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{x.e.Status.BatchId}: {x.e.Status.Items?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no"} DynamoDB items, expected {x.Count}"))
            .ToList();
}
