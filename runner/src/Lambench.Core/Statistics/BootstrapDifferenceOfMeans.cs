using System.Globalization;

namespace Lambench.Core.Statistics;

/// <summary>
/// A percentile bootstrap interval for mean(a) − mean(b): each of the resamples draws a and b with replacement, the
/// 2.5th and 97.5th percentiles (linear, as everywhere here) of the differences bound the interval. Fixed seed, so a
/// report is reproducible. Null below <see cref="MinimumSampleSizes.BootstrapRatioPerSide"/> values a side.
/// From <see cref="LargeSample"/> values on both sides the interval is the normal-theory one,
/// d ± z·√(s²a/na + s²b/nb): the bootstrap distribution of a mean of that many values is normal to well within its own
/// Monte Carlo error (its skewness falls as 1/√n), and resampling a million values 2,000 times would take seconds a
/// configuration.
/// </summary>
public static class BootstrapDifferenceOfMeans
{
    public const int Resamples = 2000;
    public const int Seed = 20_261_123;
    public const int LargeSample = 10_000;
    public static readonly string Method = string.Create(CultureInfo.InvariantCulture, $"percentile bootstrap of the difference of means, {Resamples} resamples, fixed seed; from {LargeSample:N0} values on both sides, the normal-theory interval it converges to");

    public static readonly string MethodPortuguese = $"bootstrap percentil da diferença de médias, {Resamples} reamostragens, semente fixa; a partir de {LargeSample / 1000}.000 valores de cada lado, o intervalo da teoria normal para o qual ele converge";

    public static ConfidenceInterval? Compute(IReadOnlyList<double> a, IReadOnlyList<double> b, double level = 0.95)
    {
        if (a.Count < MinimumSampleSizes.BootstrapRatioPerSide || b.Count < MinimumSampleSizes.BootstrapRatioPerSide)
        {
            return null;
        }

        if (a.Count >= LargeSample && b.Count >= LargeSample)
        {
            return NormalTheory(a, b, level);
        }

        var random = new Random(Seed);
        var differences = new double[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            differences[r] = ResampledMean(a, random) - ResampledMean(b, random);
        }

        Array.Sort(differences);
        var tail = (1 - level) / 2 * 100;
        return new ConfidenceInterval(Percentiles.Linear(differences, tail), Percentiles.Linear(differences, 100 - tail), level);
    }

    /// <summary>d ± z·√(s²a/na + s²b/nb), with the sample variances (n − 1).</summary>
    internal static ConfidenceInterval NormalTheory(IReadOnlyList<double> a, IReadOnlyList<double> b, double level)
    {
        var (meanA, varianceA) = MeanAndVariance(a);
        var (meanB, varianceB) = MeanAndVariance(b);
        var z = MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var half = z * Math.Sqrt(varianceA / a.Count + varianceB / b.Count);
        return new ConfidenceInterval(meanA - meanB - half, meanA - meanB + half, level);
    }

    private static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> values)
    {
        double mean = 0, squares = 0;
        for (var i = 0; i < values.Count; i++)
        {
            // Welford's update: no cancellation when the values are large and close together.
            var delta = values[i] - mean;
            mean += delta / (i + 1);
            squares += delta * (values[i] - mean);
        }

        return (mean, squares / (values.Count - 1));
    }

    private static double ResampledMean(IReadOnlyList<double> values, Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[random.Next(values.Count)];
        }

        return sum / values.Count;
    }
}
