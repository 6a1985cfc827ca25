using MathNet.Numerics.Distributions;

namespace Lambench.Core.Statistics;

/// <summary>Student's t interval for the mean: mean ± t(1-α/2, n-1) · s/√n. Needs n ≥ 2.</summary>
public static class MeanConfidenceInterval
{
    public const string Method = "Student's t interval";

    public static ConfidenceInterval? Compute(int n, double mean, double standardDeviation, double level = 0.95)
    {
        if (n < 2)
        {
            return null;
        }

        var t = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - level) / 2);
        var half = t * standardDeviation / Math.Sqrt(n);
        return new ConfidenceInterval(mean - half, mean + half, level);
    }
}
