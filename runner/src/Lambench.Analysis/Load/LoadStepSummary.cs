using Lambench.Core.Statistics;

namespace Lambench.Analysis.Load;

/// <summary>
/// One load step of a run (a configuration, a batch label and a round): what was sent and what came of it, the
/// throughput over its window (first intended send to last answer), and the client latency of its answered requests
/// (<see cref="SampleStatistics"/>: percentiles by linear interpolation, numpy's default; null below their sizes).
/// </summary>
public sealed record LoadStepSummary(
    string Configuration,
    string Label,
    int Round,
    int Sent,
    int Ok,
    int Errors,
    int Throttled,
    double WindowS,
    SampleStatistics ClientLatencyMs,
    SampleStatistics PlatformNetworkMs,
    SampleStatistics ToStartMs)
{
    /// <summary>Answered requests per second over the window; null for a window of zero.</summary>
    public double? OkPerSecond => WindowS > 0 ? Ok / WindowS : null;

    /// <summary>The fraction of sent requests throttled; null when none was sent.</summary>
    public double? ThrottledShare => Sent > 0 ? (double)Throttled / Sent : null;

    /// <summary>A summary per load step, in the order of configuration, label and round.</summary>
    public static IReadOnlyList<LoadStepSummary> Of(IEnumerable<ClientRequest> requests) =>
        requests.GroupBy(r => (r.Configuration, r.Label, r.Round))
            .OrderBy(g => g.Key.Configuration, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Key.Round)
            .Select(g =>
            {
                var ok = g.Where(r => r.Outcome == ClientRequest.Ok).ToList();
                var first = g.Min(r => r.IntendedUtc);
                var last = g.Max(r => r.IntendedUtc.AddMilliseconds(r.ClientLatencyMs));
                return new LoadStepSummary(g.Key.Configuration, g.Key.Label, g.Key.Round, g.Count(), ok.Count,
                    g.Count(r => r.Outcome is not (ClientRequest.Ok or ClientRequest.Throttled)), g.Count(r => r.Outcome == ClientRequest.Throttled),
                    (last - first).TotalSeconds,
                    SampleStatistics.Compute(ok.Select(r => r.ClientLatencyMs)),
                    SampleStatistics.Compute(ok.Select(r => r.PlatformNetworkMs).OfType<double>()),
                    SampleStatistics.Compute(ok.Select(r => r.ToStartMs).OfType<double>()));
            })
            .ToList();
}
