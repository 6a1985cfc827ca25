using MathNet.Numerics.Statistics;

namespace Lambench.Core.Statistics;

/// <summary>
/// Percentiles by linear interpolation between closest ranks: Hyndman and Fan type 7, the default of numpy.percentile,
/// R's quantile() and Excel's PERCENTILE.INC. Computed by MathNet.Numerics.
/// </summary>
public static class Percentiles
{
    /// <param name="sorted">ascending, non-empty.</param>
    /// <param name="percent">0 to 100.</param>
    public static double Linear(double[] sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Length);
        ArgumentOutOfRangeException.ThrowIfLessThan(percent, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return SortedArrayStatistics.QuantileCustom(sorted, percent / 100.0, QuantileDefinition.R7);
    }
}
