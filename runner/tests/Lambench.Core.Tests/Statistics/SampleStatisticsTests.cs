using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>
/// Expected values were computed independently of Lambench with Debian's numpy 1.24.2 and scipy 1.10.1
/// (np.percentile default 'linear', np.std(ddof=1), scipy.stats.t.ppf, scipy.stats.binom.cdf), or by hand where shown.
/// </summary>
public class SampleStatisticsTests
{
    [Fact]
    public void Nothing_exists_for_an_empty_sample()
    {
        var s = SampleStatistics.Compute([]);
        Assert.Equal(0, s.N);
        Assert.Equal(SampleStatistics.Empty, s);
    }

    [Fact]
    public void One_value_is_every_location_statistic_but_has_no_spread_or_interval()
    {
        var s = SampleStatistics.Compute([42.5]);
        Assert.Equal((1, 42.5, 42.5, 42.5, 42.5), (s.N, s.Mean!.Value, s.Min!.Value, s.P50!.Value, s.Max!.Value));
        Assert.Equal((null, null, null), (s.P90, s.P95, s.P99)); // too small a sample to carry them
        Assert.Null(s.StandardDeviation);
        Assert.Null(s.MeanCi95);
        Assert.Null(s.MedianCi95);
    }

    [Fact]
    public void Two_values_have_a_median_and_a_spread_but_no_tail_percentile_or_interval()
    {
        // By hand: p50 = 1 + (3 - 1) * 0.5; sd = sqrt(((1-2)^2 + (3-2)^2) / 1) = sqrt 2. A t interval at n = 2 would be
        // 2 ± 12.7 (t(0.975, 1) = 12.706): no longer given below n = 5, nor p90/p95/p99 below n = 10/20/100.
        var s = SampleStatistics.Compute([3.0, 1.0]);
        Assert.Equal((2.0, 2.0), (s.Mean!.Value, s.P50!.Value));
        Assert.Equal(Math.Sqrt(2), s.StandardDeviation!.Value, 12);
        Assert.Equal((null, null, null), (s.P90, s.P95, s.P99));
        Assert.Null(s.MeanCi95);
        Assert.Null(s.MedianCi95);
    }

    [Fact]
    public void The_t_interval_starts_at_n_5_and_p90_at_n_10()
    {
        // scipy: stats.t.ppf(0.975, 4) = 2.7764451051977987; 3 ∓ t · std(ddof=1) / √5 = 1.0367568385224393, 4.9632431614775605.
        var five = SampleStatistics.Compute([1.0, 2, 3, 4, 5]);
        Assert.Equal(1.0367568385224393, five.MeanCi95!.Value.Lower, 12);
        Assert.Equal(4.9632431614775605, five.MeanCi95!.Value.Upper, 12);
        Assert.Null(five.P90);
        Assert.Equal(9.1, SampleStatistics.Compute(Enumerable.Range(1, 10).Select(i => (double)i)).P90!.Value, 12); // np.percentile(1..10, 90)
        Assert.Null(SampleStatistics.Compute(Enumerable.Range(1, 10).Select(i => (double)i)).P95);
    }

    [Fact]
    public void Large_sample_matches_numpy_and_scipy()
    {
        var values = Enumerable.Range(0, 10_000).Select(i => (i * 7919 % 10007) / 10.0).ToArray();
        var s = SampleStatistics.Compute(values);
        Assert.Equal(500.36578, s.Mean!.Value, 9);
        Assert.Equal(288.907614863271, s.StandardDeviation!.Value, 9);
        Assert.Equal(500.45, s.P50!.Value, 9);
        Assert.Equal(900.61, s.P90!.Value, 9);
        Assert.Equal(950.605, s.P95!.Value, 9);
        Assert.Equal(990.601, s.P99!.Value, 9);
        Assert.Equal(494.70260928275184, s.MeanCi95!.Value.Lower, 9);
        Assert.Equal(506.0289507172481, s.MeanCi95!.Value.Upper, 9);
        // scipy: largest k with binom.cdf(k-1, 10000, 0.5) <= 0.025 is 4902 -> [x(4902), x(5099)], coverage 0.9511670501.
        Assert.Equal((490.6, 510.3), (s.MedianCi95!.Value.Lower, s.MedianCi95!.Value.Upper));
        Assert.Equal(0.9511670501036188, s.MedianCi95!.Value.Coverage, 9);
        Assert.Equal((0.0, 1000.6), (s.Min!.Value, s.Max!.Value));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1)]
    public void No_95_percent_median_interval_exists_below_six(int n) =>
        Assert.Null(MedianConfidenceInterval.Compute(Enumerable.Range(1, n).Select(i => (double)i).ToArray()));

    [Fact]
    public void Median_interval_of_ten_is_the_second_and_ninth_values()
    {
        // By hand: P(B <= 1) = 11/1024 <= 0.025 < P(B <= 2) = 56/1024, so k = 2 and coverage = 1 - 22/1024.
        var ci = MedianConfidenceInterval.Compute([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!.Value;
        Assert.Equal((2.0, 9.0), (ci.Lower, ci.Upper));
        Assert.Equal(1 - 22.0 / 1024, ci.Coverage, 12);
    }

    [Fact]
    public void Median_interval_ranks_equal_a_plain_linear_search_for_every_n_up_to_2000()
    {
        for (var n = 6; n <= 2000; n++)
        {
            // Reference: walk k up from 1 while P(B ≤ k) stays within 0.025.
            var k = 1;
            while (MathNet.Numerics.Distributions.Binomial.CDF(0.5, n, k) <= 0.025)
            {
                k++;
            }

            var values = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
            var ci = MedianConfidenceInterval.Compute(values)!.Value;
            Assert.Equal(((double)k, (double)(n - k + 1)), (ci.Lower, ci.Upper));
        }
    }

    [Fact]
    public void Six_values_give_min_and_max_with_coverage_31_of_32()
    {
        var ci = MedianConfidenceInterval.Compute([1, 2, 3, 4, 5, 6])!.Value;
        Assert.Equal((1.0, 6.0), (ci.Lower, ci.Upper));
        Assert.Equal(1 - 2.0 / 64, ci.Coverage, 12);
    }
}
