namespace Lambench.Core.Statistics;

/// <summary>
/// The latency a user sees at a declared share of cold starts: the mixture of the warm sample (weight 1 − p) and the
/// cold sample (weight p), each value weighted equally within its sample. Mean and SD are the mixture distribution's
/// (population form); percentiles invert its empirical CDF, (1 − p)·F_warm(x) + p·F_cold(x) ≥ q at the smallest
/// value (numpy's quantile with weights and method inverted_cdf). Minimum sample sizes apply to the two samples
/// together; no interval is given (the share is declared, not estimated).
/// </summary>
public static class MixtureStatistics
{
    public const string Method = "mixture of the warm and cold samples at the declared cold share (percentiles by inverting the mixture's empirical CDF)";
    public const string MethodPortuguese = "mistura das amostras quente e fria na parcela de partidas a frio declarada (percentis pela inversa da função de distribuição empírica da mistura)";

    /// <summary>The statistics of the mixture; <see cref="SampleStatistics.Empty"/> where a sample with positive weight is empty.</summary>
    public static SampleStatistics Compute(double[] sortedWarm, double[] sortedCold, double coldShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(coldShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(coldShare, 1);
        var (warm, cold) = (coldShare < 1 ? sortedWarm : [], coldShare > 0 ? sortedCold : []);
        if ((coldShare < 1 && warm.Length == 0) || (coldShare > 0 && cold.Length == 0))
        {
            return SampleStatistics.Empty;
        }

        var (ww, wc) = (1 - coldShare, coldShare);
        var (mw, mc) = (warm.Length > 0 ? warm.Average() : 0, cold.Length > 0 ? cold.Average() : 0);
        var mean = ww * mw + wc * mc;
        // Two-pass: the weighted mean square deviation from the mixture's mean, without E[x²] − m²'s cancellation.
        var variance = ww * MeanSquareDeviation(warm, mean) + wc * MeanSquareDeviation(cold, mean);
        var n = warm.Length + cold.Length;
        double? sd = n >= 2 ? Math.Sqrt(variance) : null;
        double? Quantile(double q, int minimum) => n >= minimum ? InvertedCdf(warm, cold, ww, wc, q) : null;
        return new SampleStatistics(
            n, mean, sd,
            Math.Min(warm.Length > 0 ? warm[0] : double.MaxValue, cold.Length > 0 ? cold[0] : double.MaxValue),
            Quantile(0.5, 1), Quantile(0.9, MinimumSampleSizes.P90), Quantile(0.95, MinimumSampleSizes.P95), Quantile(0.99, MinimumSampleSizes.P99),
            Math.Max(warm.Length > 0 ? warm[^1] : double.MinValue, cold.Length > 0 ? cold[^1] : double.MinValue),
            null, null);
    }

    private static double MeanSquareDeviation(double[] values, double mean) => values.Length == 0 ? 0 : values.Average(x => (x - mean) * (x - mean));

    /// <summary>The smallest value at which the mixture's CDF reaches q, walking both sorted samples once.</summary>
    private static double InvertedCdf(double[] warm, double[] cold, double warmWeight, double coldWeight, double q)
    {
        int i = 0, j = 0;
        var last = double.NaN;
        while (i < warm.Length || j < cold.Length)
        {
            var takeWarm = j >= cold.Length || (i < warm.Length && warm[i] <= cold[j]);
            last = takeWarm ? warm[i++] : cold[j++];
            // The CDF counted from the indices, not summed, so no rounding accumulates; a relative 1e-12 absorbs the
            // division (0.9 of 10 values must be reached at the 9th).
            var cdf = (warm.Length > 0 ? warmWeight * i / warm.Length : 0) + (cold.Length > 0 ? coldWeight * j / cold.Length : 0);
            if (cdf >= q * (1 - 1e-12))
            {
                return last;
            }
        }

        return last;
    }
}
