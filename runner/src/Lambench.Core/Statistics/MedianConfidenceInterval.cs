using MathNet.Numerics.Distributions;

namespace Lambench.Core.Statistics;

/// <summary>
/// Distribution-free interval for the median from order statistics: [x(k), x(n-k+1)] with the largest k such that
/// P(B ≤ k-1) ≤ α/2 for B ~ Binomial(n, 1/2). Its coverage is at least the level (exactly 1 - 2·P(B ≤ k-1)).
/// No 95% interval exists below n = 6 (the widest, [min, max], covers 1 - 2^(1-n)).
/// </summary>
public static class MedianConfidenceInterval
{
    public const string Method = "binomial order-statistic interval (distribution-free)";

    /// <param name="sorted">ascending.</param>
    public static ConfidenceInterval? Compute(double[] sorted, double level = 0.95)
    {
        var n = sorted.Length;
        var tail = (1 - level) / 2;
        if (n < 1 || Binomial.CDF(0.5, n, 0) > tail)
        {
            return null;
        }

        // CDF(k-1) grows with k: binary search the largest k with CDF(k-1) ≤ tail, 1 ≤ k ≤ ceil(n/2). Each exact CDF
        // costs milliseconds at large n, so the search starts from a bracket around the normal approximation's k
        // (checked exactly at both ends) and falls back to the whole range when the bracket does not hold.
        int low = 1, high = (n + 1) / 2;
        var guess = (int)Math.Floor(n / 2.0 - MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, 1 - tail) * Math.Sqrt(n) / 2);
        int bracketLow = Math.Max(low, guess - 4), bracketHigh = Math.Min(high, guess + 4);
        if (bracketLow <= bracketHigh && Binomial.CDF(0.5, n, bracketLow - 1) <= tail && (bracketHigh == high || Binomial.CDF(0.5, n, bracketHigh) > tail))
        {
            (low, high) = (bracketLow, bracketHigh);
        }

        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Binomial.CDF(0.5, n, mid - 1) <= tail)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        var k = low;
        var coverage = 1 - 2 * Binomial.CDF(0.5, n, k - 1);
        return new ConfidenceInterval(sorted[k - 1], sorted[n - k], coverage);
    }
}
