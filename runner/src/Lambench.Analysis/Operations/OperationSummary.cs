using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Analysis.Operations;

/// <summary>
/// The DynamoDB operations of one configuration and batch label: how many, their latency (<see cref="SampleStatistics"/>:
/// percentiles by linear interpolation, numpy's default; null below their sizes), how fast they moved items, how often
/// they were throttled, and what share of the invocations' Duration they took.
/// </summary>
public sealed record OperationSummary(
    string Configuration,
    string Label,
    string Operation,
    int Operations,
    int Invocations,
    long Items,
    long Bytes,
    double LatencySumMs,
    double WaitingSumMs,
    int Attempts,
    int Throttles,
    int ThrottledOperations,
    SampleStatistics LatencyMs,
    double? DurationSumMs)
{
    /// <summary>Items per second of operation time (items over the operations' summed latency); null when that is 0.</summary>
    public double? ItemsPerSecond => LatencySumMs > 0 ? Items / (LatencySumMs / 1000) : null;

    /// <summary>Requests per operation, retries and re-sends included; null for none.</summary>
    public double? AttemptsPerOperation => Operations > 0 ? (double)Attempts / Operations : null;

    /// <summary>The fraction of operations that met at least one throttle.</summary>
    public double? ThrottledShare => Operations > 0 ? (double)ThrottledOperations / Operations : null;

    /// <summary>
    /// The time the invocations waited on their operations (overlapping ones counted once, <see cref="OperationRecord.WaitingMs"/>)
    /// over their summed Duration (a ratio of sums, so of means); null without Durations.
    /// </summary>
    public double? ShareOfDuration => DurationSumMs is > 0 ? WaitingSumMs / DurationSumMs : null;

    /// <summary>Each invocation's Duration by request id (the first row where an id repeats), for joining operations with it.</summary>
    internal static Dictionary<string, double> DurationByRequest(IReadOnlyList<InvocationRecord> invocations) =>
        invocations.GroupBy(i => i.RequestId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().DurationMs, StringComparer.Ordinal);

    /// <summary>A summary per configuration, label and operation, in that order; Durations from the invocations joined by request id.</summary>
    public static IReadOnlyList<OperationSummary> Of(IReadOnlyList<OperationRecord> operations, IReadOnlyList<InvocationRecord> invocations)
    {
        var duration = DurationByRequest(invocations);
        return operations
            .GroupBy(o => (o.Configuration, Label: o.Label ?? string.Empty, o.Operation))
            .OrderBy(g => g.Key.Configuration, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Key.Operation, StringComparer.Ordinal)
            .Select(g =>
            {
                var requests = g.Select(o => o.RequestId).Distinct(StringComparer.Ordinal).ToList();
                var durations = requests.Select(r => duration.TryGetValue(r, out var d) ? d : (double?)null).ToList();
                return new OperationSummary(g.Key.Configuration, g.Key.Label, g.Key.Operation, g.Count(), requests.Count,
                    g.Sum(o => o.Items), g.Sum(o => o.Bytes), g.Sum(o => o.LatencyMs),
                    g.GroupBy(o => o.RequestId, StringComparer.Ordinal).Sum(OperationRecord.WaitingMs), g.Sum(o => o.Attempts), g.Sum(o => o.Throttles),
                    g.Count(o => o.Throttles > 0), SampleStatistics.Compute(g.Select(o => o.LatencyMs)),
                    durations.All(d => d is not null) ? durations.Sum() : null);
            })
            .ToList();
    }
}
