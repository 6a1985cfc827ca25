using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

/// <summary>p-values were computed independently with scipy 1.10.1's scipy.stats.mannwhitneyu (two-sided), method named beside each; Cliff's delta by brute force over all pairs.</summary>
public class ConfigurationComparerTests
{
    private static ConfigurationComparison Compare(double[] baseline, double[] candidate) =>
        ConfigurationComparer.Compare("a", "b", "architecture", "arm64", "x86_64", "warm", "duration_ms", baseline, candidate);

    [Fact]
    public void Completely_separated_samples_of_three_give_the_exact_p_of_one_tenth()
    {
        // By hand: 20 equally likely rank splits, 2 as extreme as this one (two-sided): p = 0.1; U of the candidate = 9.
        var c = Compare([1, 2, 3], [4, 5, 6]);
        Assert.Equal(0.1, c.MannWhitneyPValue, 12);
        Assert.Equal((9.0, 1.0, 2.0, 5.0, 2.5), (c.MannWhitneyU, c.CliffsDelta, c.BaselineMedian, c.CandidateMedian, c.MedianRatio!.Value));
    }

    [Fact]
    public void Exact_p_value_of_moderate_samples_matches_scipy()
    {
        var a = Enumerable.Range(0, 30).Select(i => (i * 37 % 101) / 3.0).ToArray();
        var b = Enumerable.Range(0, 25).Select(i => (i * 53 % 97) / 3.0 + 2.5).ToArray();
        var c = Compare(a, b);
        Assert.Equal(388.0, c.MannWhitneyU); // scipy statistic=388.0
        Assert.Equal(0.8340181663017211, c.MannWhitneyPValue, 12); // exact: both samples below 50, no ties
        Assert.Equal(BruteForceCliff(b, a), c.CliffsDelta, 12);
    }

    /// <summary>
    /// Above 50 values a side the p-value is the normal approximation with continuity correction, as scipy's
    /// method='asymptotic' (0.4572568044988612). For the record, the exact p computed in Python integers from the Gaussian
    /// binomial Π_{i=1..300} (1 − q^(250+i)) / (1 − q^i) is 0.4575610017: the approximation is good to 3·10^-4 here.
    /// </summary>
    [Fact]
    public void Large_sample_p_value_matches_the_normal_approximation()
    {
        var a = Enumerable.Range(0, 300).Select(i => (i * 7919 % 1009) / 7.0).ToArray();
        var b = Enumerable.Range(0, 250).Select(i => (i * 104729 % 1013) / 7.0 + 3.1).ToArray();
        var c = Compare(a, b);
        Assert.Equal(38880.0, c.MannWhitneyU);
        Assert.Equal(0.4572568044988612, c.MannWhitneyPValue, 12);
        Assert.InRange(Math.Abs(c.MannWhitneyPValue - 0.4575610017060346), 0, 5e-4);
        Assert.Equal(BruteForceCliff(b, a), c.CliffsDelta, 12);
        Assert.True(c.MedianRatioCi95!.Value.Lower < c.MedianRatio && c.MedianRatio < c.MedianRatioCi95!.Value.Upper);
    }

    [Fact]
    public void Cliffs_delta_counts_ties_as_neither()
    {
        double[] baseline = [1, 2, 2, 3];
        double[] candidate = [2, 2, 4];
        Assert.Equal(BruteForceCliff(candidate, baseline), ConfigurationComparer.CliffsDelta(candidate, baseline), 12);
        // By hand: candidate above baseline in 1 + 1 + 4 = 6 pairs, below in 1 + 1 + 0 = 2, ties in 4: (6 - 2) / 12.
        Assert.Equal(4.0 / 12, ConfigurationComparer.CliffsDelta(candidate, baseline), 12);
    }

    [Fact]
    public void The_bootstrap_interval_is_reproducible()
    {
        var a = Enumerable.Range(0, 50).Select(i => 100 + i % 7 * 1.5).ToArray();
        var b = Enumerable.Range(0, 50).Select(i => 90 + i % 5 * 2.0).ToArray();
        Assert.Equal(Compare(a, b).MedianRatioCi95, Compare(a, b).MedianRatioCi95);
    }

    [Fact]
    public void Compares_only_configurations_that_differ_in_one_factor()
    {
        static List<InvocationRecord> Rows(string configuration, string runtime, string architecture, int memory, double offset) =>
            Enumerable.Range(0, 8).Select(i => new InvocationRecord
            {
                Configuration = configuration, Runtime = runtime, Architecture = architecture, MemorySizeMb = memory,
                RequestId = configuration + i, DurationMs = offset + i, InitDurationMs = i < 3 ? 100 + i : null,
            }).ToList();

        var configurations = new (string, IReadOnlyList<InvocationRecord>)[]
        {
            ("py-arm", Rows("py-arm", "python3.12", "arm64", 512, 10)),
            ("py-x86", Rows("py-x86", "python3.12", "x86_64", 512, 12)),
            ("go-arm", Rows("go-arm", "provided.al2023", "arm64", 512, 5)),
            ("go-x86-1024", Rows("go-x86-1024", "provided.al2023", "x86_64", 1024, 4)),
        };
        var comparisons = ConfigurationComparer.CompareAll(configurations);
        var pairs = comparisons.Select(c => (c.Baseline, c.Candidate, c.Factor)).Distinct().ToList();
        Assert.Equal([("py-arm", "py-x86", "architecture"), ("go-arm", "py-arm", "runtime")], pairs);
        Assert.Equal(["warm", "cold"], comparisons.Where(c => c.Factor == "architecture").Select(c => c.StartType)); // never the pooled "all" sample
        Assert.Equal("init_duration_ms", comparisons.Single(c => c.Factor == "architecture" && c.StartType == "cold").Metric);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(10)]
    public void Drawing_the_resample_median_directly_matches_resampling_and_sorting(int n)
    {
        // Independent check: the plain bootstrap (draw n values with replacement, sort, take the type-7 median).
        var sorted = Enumerable.Range(0, n).Select(i => Math.Round(Math.Pow(i, 1.7), 3)).ToArray();
        const int replicates = 40_000;
        var direct = new double[replicates];
        var brute = new double[replicates];
        var randomDirect = new Random(1);
        var randomBrute = new Random(2);
        var buffer = new double[n];
        for (var r = 0; r < replicates; r++)
        {
            direct[r] = ConfigurationComparer.ResampledMedian(sorted, randomDirect);
            for (var i = 0; i < n; i++)
            {
                buffer[i] = sorted[randomBrute.Next(n)];
            }

            Array.Sort(buffer);
            brute[r] = Lambench.Core.Statistics.Percentiles.Linear(buffer, 50);
        }

        Array.Sort(direct);
        Array.Sort(brute);
        foreach (var percent in new[] { 2.5, 25, 50, 75, 97.5 })
        {
            var spread = sorted[^1] - sorted[0];
            Assert.InRange(Lambench.Core.Statistics.Percentiles.Linear(direct, percent) - Lambench.Core.Statistics.Percentiles.Linear(brute, percent), -0.02 * spread, 0.02 * spread);
        }

        Assert.Equal(brute.Average(), direct.Average(), 0.01 * (sorted[^1] - sorted[0]));
    }

    private static double BruteForceCliff(double[] candidate, double[] baseline)
    {
        var sum = 0;
        foreach (var y in candidate)
        {
            foreach (var x in baseline)
            {
                sum += Math.Sign(y - x);
            }
        }

        return (double)sum / (candidate.Length * baseline.Length);
    }
}
