namespace Lambench.Core.Statistics;

/// <summary>
/// A percentile bootstrap interval for mean(a) − mean(b): each of the resamples draws a and b with replacement, the
/// 2.5th and 97.5th percentiles (linear, as everywhere here) of the differences bound the interval. Fixed seed, so a
/// report is reproducible. Null below <see cref="MinimumSampleSizes.BootstrapRatioPerSide"/> values a side.
/// </summary>
public static class BootstrapDifferenceOfMeans
{
    public const int Resamples = 2000;
    public const int Seed = 20_261_123;
    public static readonly string Method = $"percentile bootstrap of the difference of means, {Resamples} resamples, fixed seed";

    public static ConfidenceInterval? Compute(IReadOnlyList<double> a, IReadOnlyList<double> b, double level = 0.95)
    {
        if (a.Count < MinimumSampleSizes.BootstrapRatioPerSide || b.Count < MinimumSampleSizes.BootstrapRatioPerSide)
        {
            return null;
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
