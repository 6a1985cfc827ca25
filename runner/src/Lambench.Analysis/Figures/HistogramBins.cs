using Lambench.Core.Statistics;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Equal-width bins as numpy's <c>np.histogram(values, bins="fd")</c> draws them: width 2·IQR·n^(−1/3)
/// (Freedman–Diaconis), ⌈range / width⌉ bins from the minimum to the maximum, each half-open but the last, which
/// holds the maximum. Where the IQR is 0, Sturges' ⌈log2 n⌉ + 1 bins, and a single value gets one bin of width 1
/// around it, as numpy does. At most <see cref="MaxBins"/> bins, so a printed bar stays wider than a line.
/// </summary>
public sealed record HistogramBins(double[] Edges, long[] Counts)
{
    public const int MaxBins = 60;

    public double Width => Edges[1] - Edges[0];

    public double[] Centres => Edges.SkipLast(1).Select((edge, i) => (edge + Edges[i + 1]) / 2).ToArray();

    public static HistogramBins Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("a histogram needs at least one value", nameof(values));
        }

        var sorted = values.Order().ToArray();
        double low = sorted[0], high = sorted[^1];
        var single = low == high;
        if (single)
        {
            (low, high) = (low - 0.5, high + 0.5);
        }

        var iqr = Percentiles.Linear(sorted, 75) - Percentiles.Linear(sorted, 25);
        var bins = single ? 1 : iqr > 0
            ? (int)Math.Ceiling((high - low) / (2 * iqr * Math.Pow(sorted.Length, -1.0 / 3)))
            : (int)Math.Ceiling(Math.Log2(sorted.Length)) + 1;
        bins = Math.Clamp(bins, 1, MaxBins);
        // As np.linspace computes them (i · step + start), so that a value on an edge falls where numpy puts it.
        var step = (high - low) / bins;
        var edges = Enumerable.Range(0, bins + 1).Select(i => i * step + low).ToArray();
        edges[^1] = high;
        var counts = new long[bins];
        foreach (var value in sorted)
        {
            // numpy's rule: the index from the edges, the maximum into the last bin.
            var index = (int)((value - low) / (high - low) * bins);
            index = Math.Min(index, bins - 1);
            // Rounding can put a value on an edge in the bin below or above it: compare with the edges themselves.
            while (index > 0 && value < edges[index])
            {
                index--;
            }

            while (index < bins - 1 && value >= edges[index + 1])
            {
                index++;
            }

            counts[index]++;
        }

        return new HistogramBins(edges, counts);
    }
}
