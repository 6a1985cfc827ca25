using MathNet.Numerics.Distributions;

namespace Lambench.Core.Statistics;

/// <summary>
/// The Wilson score interval for a proportion (x events in n trials): unlike the normal ("Wald") interval it stays
/// inside [0, 1] and does not collapse to a point at 0 or n events, which is what failure rates of a few in hundreds
/// need. Null for n = 0.
/// </summary>
public static class WilsonInterval
{
    public const string Method = "Wilson score interval";

    public static ConfidenceInterval? Compute(int events, int n, double level = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(events);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(events, n);
        if (n == 0)
        {
            return null;
        }

        var z = Normal.InvCDF(0, 1, 1 - (1 - level) / 2);
        var p = (double)events / n;
        var z2n = z * z / n;
        var centre = (p + z2n / 2) / (1 + z2n);
        var half = z / (1 + z2n) * Math.Sqrt(p * (1 - p) / n + z2n / (4 * n));
        // At 0 or n events one bound is exactly 0 or 1; rounding must not move it past.
        return new ConfidenceInterval(events == 0 ? 0 : Math.Max(0, centre - half), events == n ? 1 : Math.Min(1, centre + half), level);
    }
}
