using Lambench.Load.Recording;

namespace Lambench.Load.Tests;

public sealed class LoadTimelineTests
{
    [Fact]
    public void Each_second_counts_what_was_offered_in_it_and_what_was_answered_in_it()
    {
        var store = new RecordStore();
        // (intended, completed, outcome) in ms: offered 3 in second 0 and 1 in second 1; answered 1 in second 0, 3 in second 2.
        foreach (var (intended, completed, outcome) in new[] { (0L, 500L, LoadOutcome.Ok), (100L, 2100L, LoadOutcome.Ok), (900L, 2200L, LoadOutcome.Throttled), (1500L, 2900L, LoadOutcome.Error) })
        {
            ref var record = ref store[store.Add(intended * 1000, intended * 1000)];
            record.CompletedUs = completed * 1000;
            record.Outcome = outcome;
        }

        var buckets = LoadTimeline.Of(store.All(), TimeSpan.FromSeconds(1));
        Assert.Equal(
        [
            new TimelineBucket(0, 3, 1, 0, 0, 500, null),
            new TimelineBucket(1, 1, 0, 0, 0, null, null),
            new TimelineBucket(2, 0, 3, 1, 1, 2000, null),
        ], buckets);
        Assert.Equal(1, buckets[2].ThroughputPerS(1));
    }
}
