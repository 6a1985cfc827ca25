using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>Expected values from scipy 1.10.1, scipy.stats.mannwhitneyu(candidate, baseline, alternative='two-sided'), the method named in each test.</summary>
public class MannWhitneyTestTests
{
    [Fact]
    public void Exact_for_small_samples_without_ties()
    {
        var baseline = Enumerable.Range(0, 40).Select(i => (i * 37 % 1001) / 7.0).ToArray();
        var candidate = Enumerable.Range(0, 45).Select(i => (i * 53 % 997) / 7.0 + 20.01).ToArray();
        var result = MannWhitneyTest.Test(candidate, baseline);
        Assert.Equal(("exact", 1169.0), (result.Method, result.U)); // scipy method='exact': statistic 1169.0
        Assert.Equal(0.017532726029767975, result.PValue, 12);
    }

    [Fact]
    public void Normal_approximation_with_tie_correction_for_small_tied_samples()
    {
        var result = MannWhitneyTest.Test([2, 3, 4, 4, 5, 6, 6, 7, 8], [1, 2, 2, 3, 3, 3, 4, 5]);
        Assert.Equal(("normal approximation", 59.0), (result.Method, result.U)); // scipy method='asymptotic', use_continuity=True
        Assert.Equal(0.028372715346028934, result.PValue, 12);
    }

    [Fact]
    public void Normal_approximation_for_large_tied_samples()
    {
        var baseline = Enumerable.Range(0, 2000).Select(i => (double)((i * 7919) % 1009 / 10)).ToArray();
        var candidate = Enumerable.Range(0, 1800).Select(i => (double)((i * 104729) % 1013 / 10) + 1).ToArray();
        var result = MannWhitneyTest.Test(candidate, baseline);
        Assert.Equal(1841160.5, result.U);
        Assert.Equal(0.22286214075549549, result.PValue, 12);
    }

    [Fact]
    public void Large_samples_from_one_distribution_are_not_called_different()
    {
        // The case Perfolizer 0.6.1 gets wrong (p = 0 or NaN): 250,000 values a side from the same uniform distribution.
        var random = new Random(7);
        var a = Enumerable.Range(0, 250_000).Select(_ => random.NextDouble()).ToArray();
        var b = Enumerable.Range(0, 250_000).Select(_ => random.NextDouble()).ToArray();
        var result = MannWhitneyTest.Test(b, a);
        Assert.InRange(result.U, 0, 250_000.0 * 250_000);
        // By hand: z = (|U − nm/2| − 0.5) / sqrt(nm(2n + 1)/12), p = 2Φ(−z).
        var z = (Math.Abs(result.U - 250_000.0 * 250_000 / 2) - 0.5) / Math.Sqrt(250_000.0 * 250_000 * 500_001 / 12);
        Assert.Equal(2 * MathNet.Numerics.Distributions.Normal.CDF(0, 1, -z), result.PValue, 12);
        Assert.InRange(result.PValue, 0.001, 1);
    }

    [Fact]
    public void Identical_samples_give_p_of_one()
    {
        Assert.Equal(1.0, MannWhitneyTest.Test([5, 5, 5], [5, 5]).PValue);
        Assert.Equal(1.0, MannWhitneyTest.Test([1, 2, 3], [1, 2, 3]).PValue, 12);
    }
}
