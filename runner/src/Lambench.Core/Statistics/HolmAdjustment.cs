namespace Lambench.Core.Statistics;

/// <summary>
/// Holm's step-down adjustment of a family of p-values (Holm 1979): sorted ascending, the i-th (1-based) becomes
/// max over j ≤ i of min(1, (m − j + 1) · p(j)). It controls the family-wise error rate as Bonferroni does, with more
/// power; R's p.adjust(method = "holm") computes the same.
/// </summary>
public static class HolmAdjustment
{
    public const string Method = "Holm's step-down adjustment over all comparison rows of the report";

    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 0; rank < m; rank++)
        {
            var p = pValues[order[rank]];
            if (double.IsNaN(p) || p < 0 || p > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, "a p-value is between 0 and 1");
            }

            running = Math.Max(running, Math.Min(1, (m - rank) * p));
            adjusted[order[rank]] = running;
        }

        return adjusted;
    }
}
