namespace Lambench.Load.Arrivals;

/// <summary>
/// The intended send times of an open-loop load: offsets from its start, in order, segment after segment. The
/// schedule is fixed before anything is sent (and the same for the same seed), so a slow server cannot thin it out:
/// that is what keeps coordinated omission out of the latencies measured from it.
/// </summary>
public static class ArrivalSchedule
{
    public static IEnumerable<TimeSpan> Offsets(IReadOnlyList<LoadSegment> segments, int seed)
    {
        var random = new Random(seed);
        var segmentStart = TimeSpan.Zero;
        foreach (var segment in segments)
        {
            foreach (var offset in Within(segment, random))
            {
                yield return segmentStart + offset;
            }

            segmentStart += segment.Duration;
        }
    }

    private static IEnumerable<TimeSpan> Within(LoadSegment segment, Random random)
    {
        var end = segment.Duration.TotalSeconds;
        switch (segment.Shape)
        {
            case ArrivalShape.Burst:
                for (var i = 0; i < segment.Requests; i++)
                {
                    yield return TimeSpan.Zero;
                }

                break;
            case ArrivalShape.Constant:
                // i / rate computed from i, not summed, so no rounding error accumulates over a long segment.
                for (long i = 0; i / segment.RatePerSecond < end - 1e-9; i++)
                {
                    yield return Ticks(i / segment.RatePerSecond);
                }

                break;
            case ArrivalShape.Poisson:
                for (var t = Gap(random, segment.RatePerSecond); t < end; t += Gap(random, segment.RatePerSecond))
                {
                    yield return Ticks(t);
                }

                break;
        }
    }

    /// <summary>Seconds to the nearest tick (0.29 s is 2,900,000 ticks, not the 2,899,999 a truncation of 0.29 × 10⁷ gives).</summary>
    private static TimeSpan Ticks(double seconds) => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>An exponential gap of mean 1/rate by inversion; 1 − U lies in (0, 1], so the logarithm is finite.</summary>
    private static double Gap(Random random, double rate) => -Math.Log(1 - random.NextDouble()) / rate;
}
