using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>
/// The bootstrap interval of a difference of means against independent computations on the same data: numpy's own
/// bootstrap (numpy.random.default_rng(1), 20,000 resamples) gave [318.06, 326.16], and the normal-theory interval
/// d ± 1.96·√(s²a/na + s²b/nb) (scipy.stats.norm.ppf) gives [317.97, 326.20] around d = 322.085 with a standard error
/// of 2.10. Another generator and 2,000 resamples agree with them to a fraction of that standard error.
/// </summary>
public class BootstrapDifferenceOfMeansTests
{
    private static readonly double[] Cold = Enumerable.Range(0, 200).Select(i => 300.0 + (i * 37 % 101)).ToArray();
    private static readonly double[] Warm = Enumerable.Range(0, 200).Select(i => 20.0 + (i * 13 % 17)).ToArray();

    [Fact]
    public void Agrees_with_numpy_bootstrap_and_the_normal_interval()
    {
        var ci = BootstrapDifferenceOfMeans.Compute(Cold, Warm)!.Value;
        Assert.InRange(ci.Lower, 318.06 - 0.5, 318.06 + 0.5); // within a quarter of a standard error of numpy's bootstrap
        Assert.InRange(ci.Upper, 326.16 - 0.5, 326.16 + 0.5);
        Assert.InRange(322.085, ci.Lower, ci.Upper);
        Assert.Equal(ci, BootstrapDifferenceOfMeans.Compute(Cold, Warm)!.Value); // fixed seed: the same interval every time
    }

    [Fact]
    public void Needs_ten_values_a_side()
    {
        Assert.Null(BootstrapDifferenceOfMeans.Compute(Cold[..9], Warm));
        Assert.NotNull(BootstrapDifferenceOfMeans.Compute(Cold[..10], Warm[..10]));
    }
}

/// <summary>
/// From 10,000 values a side the interval is the normal-theory one. Checked two ways: against numpy on the same data
/// (mean, var(ddof=1), scipy.stats.norm.ppf(0.975)), and against a plain bootstrap done here by brute force (another
/// generator, 2,000 resamples of 10,000 draws a side), which must agree to a few percent of the half-width, the
/// Monte Carlo error of 2,000 resamples. The cold side is skewed (a cube of uniforms), as cold starts are.
/// </summary>
public class BootstrapDifferenceOfMeansLargeSampleTests
{
    private static readonly double[] Cold = Enumerable.Range(0, 10_000).Select(i => 300.0 + 500 * Math.Pow(i * 7919 % 10_007 / 10_007.0, 3)).ToArray();
    private static readonly double[] Warm = Enumerable.Range(0, 12_000).Select(i => 20.0 + i * 13 % 170 * 0.1).ToArray();

    // numpy 1.24 / scipy 1.10 (Debian 12): d = 396.5616, se = 1.41812, d ∓ norm.ppf(0.975)·se.
    private const double NumpyLower = 393.7821753811676;
    private const double NumpyUpper = 399.3411093012695;

    [Fact]
    public void Is_the_normal_theory_interval_numpy_computes()
    {
        var ci = BootstrapDifferenceOfMeans.Compute(Cold, Warm)!.Value;
        Assert.Equal(NumpyLower, ci.Lower, 1e-9);
        Assert.Equal(NumpyUpper, ci.Upper, 1e-9);
    }

    [Fact]
    public void Agrees_with_a_brute_force_bootstrap_to_its_monte_carlo_error()
    {
        var random = new Random(7);
        var differences = new double[2000];
        for (var r = 0; r < differences.Length; r++)
        {
            double Mean(double[] values)
            {
                var sum = 0.0;
                for (var i = 0; i < values.Length; i++)
                {
                    sum += values[random.Next(values.Length)];
                }

                return sum / values.Length;
            }

            differences[r] = Mean(Cold) - Mean(Warm);
        }

        Array.Sort(differences);
        var ci = BootstrapDifferenceOfMeans.Compute(Cold, Warm)!.Value;
        var half = (ci.Upper - ci.Lower) / 2;
        Assert.InRange(differences[49] + (differences[50] - differences[49]) * 0.975, ci.Lower - 0.08 * half, ci.Lower + 0.08 * half);
        Assert.InRange(differences[1949] + (differences[1950] - differences[1949]) * 0.025, ci.Upper - 0.08 * half, ci.Upper + 0.08 * half);
    }

    [Fact]
    public void Below_ten_thousand_on_either_side_it_resamples()
    {
        var resampled = BootstrapDifferenceOfMeans.Compute(Cold[..9_999], Warm)!.Value;
        var normal = BootstrapDifferenceOfMeans.NormalTheory(Cold[..9_999], Warm, 0.95);
        Assert.NotEqual(normal, resampled);
    }
}
