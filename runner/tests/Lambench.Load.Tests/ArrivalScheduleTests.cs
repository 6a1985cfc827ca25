using Lambench.Load.Arrivals;

namespace Lambench.Load.Tests;

public sealed class ArrivalScheduleTests
{
    private static double[] Seconds(IEnumerable<TimeSpan> offsets) => offsets.Select(o => o.TotalSeconds).ToArray();

    [Fact]
    public void A_constant_rate_is_evenly_spaced_from_the_start_and_a_ramp_follows_segment_after_segment()
    {
        // By hand: 4/s for 1 s is 0, 0.25, 0.5, 0.75; then 2/s for 2 s from 1 s is 1, 1.5, 2, 2.5; then a burst of 3 at 3 s.
        var offsets = Seconds(ArrivalSchedule.Offsets(
        [
            new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(1), RatePerSecond: 4),
            new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(2), RatePerSecond: 2),
            new LoadSegment(ArrivalShape.Burst, TimeSpan.FromSeconds(5), Requests: 3),
        ], seed: 1));
        Assert.Equal([0, 0.25, 0.5, 0.75, 1, 1.5, 2, 2.5, 3, 3, 3], offsets);
    }

    [Fact]
    public void A_long_constant_segment_accumulates_no_rounding_error()
    {
        // 3 per second for an hour: 10,800 arrivals, the last at 3,599.666… s exactly as 10,799 / 3.
        var offsets = ArrivalSchedule.Offsets([new LoadSegment(ArrivalShape.Constant, TimeSpan.FromHours(1), RatePerSecond: 3)], seed: 1).ToList();
        Assert.Equal(10_800, offsets.Count);
        Assert.Equal(TimeSpan.FromTicks(35_996_666_667), offsets[^1]); // 10,799 / 3 s to the nearest tick
        Assert.Equal(10_800, new LoadSegment(ArrivalShape.Constant, TimeSpan.FromHours(1), RatePerSecond: 3).ExpectedArrivals);
    }

    [Fact]
    public void Poisson_arrivals_have_the_rate_and_exponential_gaps_and_a_seed_repeats_them()
    {
        var segment = new LoadSegment(ArrivalShape.Poisson, TimeSpan.FromSeconds(100), RatePerSecond: 200);
        var offsets = Seconds(ArrivalSchedule.Offsets([segment], seed: 42));
        // The count of a Poisson process of mean 20,000 has a standard deviation of √20,000 ≈ 141: within 4 of them.
        Assert.InRange(offsets.Length, 20_000 - 4 * 141, 20_000 + 4 * 141);
        Assert.True(offsets.Zip(offsets.Skip(1)).All(p => p.First <= p.Second) && offsets[^1] < 100);
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => b - a).ToArray();
        // Kolmogorov–Smirnov against the exponential CDF 1 − e^(−200 t), computed here by hand: the 1 % critical value
        // for n this large is 1.63 / √n.
        var sorted = gaps.Order().ToArray();
        var d = sorted.Select((g, i) => Math.Max(Math.Abs((i + 1.0) / sorted.Length - (1 - Math.Exp(-200 * g))), Math.Abs((double)i / sorted.Length - (1 - Math.Exp(-200 * g))))).Max();
        Assert.True(d < 1.63 / Math.Sqrt(sorted.Length), $"KS distance {d}");
        Assert.Equal(offsets, Seconds(ArrivalSchedule.Offsets([segment], seed: 42)));
        Assert.NotEqual(offsets.Take(10), Seconds(ArrivalSchedule.Offsets([segment], seed: 43)).Take(10));
    }
}
