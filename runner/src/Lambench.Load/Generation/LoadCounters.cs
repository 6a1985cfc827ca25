using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>Running counts for progress, updated by many completions at once.</summary>
internal sealed class LoadCounters
{
    private long completed, errors, throttles;

    public void Count(LoadOutcome outcome)
    {
        Interlocked.Increment(ref completed);
        if (outcome == LoadOutcome.Error)
        {
            Interlocked.Increment(ref errors);
        }
        else if (outcome == LoadOutcome.Throttled)
        {
            Interlocked.Increment(ref throttles);
        }
    }

    public LoadProgress Snapshot(TimeSpan elapsed, long sent) =>
        new(elapsed, sent, Interlocked.Read(ref completed), Interlocked.Read(ref errors), Interlocked.Read(ref throttles));
}
