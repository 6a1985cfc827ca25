using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>
/// What a load did: every request's record, the histograms, how long it took, whether it was stopped before its end,
/// and the messages of requests that failed without an answer.
/// </summary>
public sealed record LoadResult(RecordStore Records, LatencyHistograms Histograms, TimeSpan Elapsed, bool Stopped, IReadOnlyDictionary<string, long> Errors)
{
    public long Count(LoadOutcome outcome) => Records.All().LongCount(r => r.Outcome == outcome);
}
