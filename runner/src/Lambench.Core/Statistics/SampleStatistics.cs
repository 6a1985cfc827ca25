using MathNet.Numerics.Statistics;

namespace Lambench.Core.Statistics;

/// <summary>
/// Descriptive statistics of one sample, computed once. Null where the statistic does not exist, or the sample is too
/// small to carry it (<see cref="MinimumSampleSizes"/>): everything at n = 0; the standard deviation at n = 1; p90, p95
/// and p99 below n = 10, 20 and 100; the mean's interval below n = 5; the median's 95% interval below n = 6.
/// The standard deviation is the sample one (n - 1 in the denominator).
/// </summary>
public sealed record SampleStatistics(
    int N,
    double? Mean,
    double? StandardDeviation,
    double? Min,
    double? P50,
    double? P90,
    double? P95,
    double? P99,
    double? Max,
    ConfidenceInterval? MeanCi95,
    ConfidenceInterval? MedianCi95)
{
    public static readonly SampleStatistics Empty = new(0, null, null, null, null, null, null, null, null, null, null);

    public static SampleStatistics Compute(IEnumerable<double> values) => ComputeInPlace(values.ToArray());

    /// <summary>Sorts <paramref name="values"/> in place (no copy, for large samples) and computes the statistics.</summary>
    public static SampleStatistics ComputeInPlace(double[] values)
    {
        var sorted = values;
        if (sorted.Length == 0)
        {
            return Empty;
        }

        RadixSort.Sort(sorted);
        var n = sorted.Length;
        var mean = ArrayStatistics.Mean(sorted);
        double? sd = n >= 2 ? ArrayStatistics.StandardDeviation(sorted) : null;
        return new SampleStatistics(
            n,
            mean,
            sd,
            sorted[0],
            Percentiles.Linear(sorted, 50),
            n >= MinimumSampleSizes.P90 ? Percentiles.Linear(sorted, 90) : null,
            n >= MinimumSampleSizes.P95 ? Percentiles.Linear(sorted, 95) : null,
            n >= MinimumSampleSizes.P99 ? Percentiles.Linear(sorted, 99) : null,
            sorted[^1],
            sd is { } s && n >= MinimumSampleSizes.MeanCi ? MeanConfidenceInterval.Compute(n, mean, s) : null,
            MedianConfidenceInterval.Compute(sorted));
    }
}
