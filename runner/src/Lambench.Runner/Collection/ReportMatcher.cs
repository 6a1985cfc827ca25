using Lambench.Core.Records;
using Lambench.Runner.Journal;
using Lambench.Runner.Loads;
using Lambench.Runner.Plans;

namespace Lambench.Runner.Collection;

/// <summary>
/// Matches ingested REPORT lines to the journal's measured steps: by request id (invoke, url, api, event) or by the
/// batch id the function logs with its request id (sqs), never by time order. Pure: no log is fetched here.
/// </summary>
internal static class ReportMatcher
{
    /// <param name="warmups">the warm-ups' batch ids: their lines are counted and left out.</param>
    /// <param name="abandoned">batch ids of attempts the journal abandoned.</param>
    public static MatchResult Match(IEnumerable<Expected> expected, List<InvocationRecord> rows, HashSet<string> warmups, HashSet<string> abandoned)
    {
        var byRequest = rows.ToDictionary(r => r.RequestId, StringComparer.Ordinal);
        var byBatch = rows.Where(r => r.BatchId is not null).GroupBy(r => r.BatchId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var kept = new List<InvocationRecord>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<Expected>();
        var conflicts = new List<string>();
        var redeliveries = 0;
        foreach (var item in expected.OrderBy(e => e.Step.Index))
        {
            InvocationRecord? row = null;
            if (item.Status.RequestId is { } requestId)
            {
                row = byRequest.GetValueOrDefault(requestId);
                if (row?.BatchId is { } logged && logged != item.Status.BatchId)
                {
                    conflicts.Add($"{requestId}: the function logged batch {logged}, the journal says {item.Status.BatchId}");
                }
            }
            else if (item.Status.BatchId is { } batchId && byBatch.TryGetValue(batchId, out var deliveries))
            {
                // SQS: every delivery of the message ran; the first successful one is the measurement.
                var ordered = deliveries.OrderBy(r => r.TimestampUtc ?? DateTimeOffset.MaxValue).ToList();
                row = ordered.FirstOrDefault(r => r.Status == InvocationStatus.Success) ?? ordered[^1];
                redeliveries += ordered.Count - 1;
                used.UnionWith(ordered.Select(r => r.RequestId));
            }

            if (row is null)
            {
                if (!item.Optional)
                {
                    missing.Add(item);
                }

                continue;
            }

            used.Add(row.RequestId);
            kept.Add(row with { BatchId = item.Status.BatchId, Label = item.Step.Batch, Repetition = item.Step.Repetition, Round = item.Step.Round });
        }

        var rest = rows.Where(r => !used.Contains(r.RequestId)).ToList();
        var warmupCount = rest.Count(r => r.BatchId is { } b && (warmups.Contains(b) || b.EndsWith("-rewarm", StringComparison.Ordinal)));
        // A load request's batch id is its step's and its number: it was abandoned with its step.
        var abandonedCount = rest.Count(r => r.BatchId is { } b && abandoned.Contains(LoadRequest.StepBatchId(b) ?? b));
        return new MatchResult(kept, missing, redeliveries, warmupCount, abandonedCount, rest.Count - warmupCount - abandonedCount, conflicts);
    }

}

/// <param name="Optional">a request that may or may not have reached the function (an HTTP API's 500 is a function
/// error or a Lambda throttle): its REPORT line is joined where it exists, and never missing.</param>
internal sealed record Expected(PlanStep Step, StepStatus Status, bool Optional = false);

/// <summary>The matched rows in plan order, the expected steps without a line, and what was left out and why.</summary>
internal sealed record MatchResult(List<InvocationRecord> Rows, List<Expected> Missing, int Redeliveries, int Warmups, int Abandoned, int Other, List<string> Conflicts);
