using System.Text.Json.Nodes;

namespace Lambench.Analysis.Figures;

/// <summary>
/// A fixed axis range with room around the data (linear, or logarithmic where the values spread over more than a
/// factor of 20), and where a value falls in it: what a figure needs to place text in its own pixels.
/// </summary>
public sealed record AxisRange(bool Log, double Low, double High)
{
    private const double Padding = 0.12;

    public static AxisRange Of(IReadOnlyList<double> values, bool zeroBased)
    {
        var log = !zeroBased && FigurePrintStyle.IsWide(values);
        var positions = values.Select(v => log ? Math.Log10(v) : v).ToList();
        double low = positions.Min(), high = positions.Max();
        if (zeroBased && low >= 0)
        {
            low = 0;
        }

        var span = high - low;
        if (span <= 0)
        {
            span = Math.Abs(high) > 0 ? Math.Abs(high) * 0.2 : 1;
            (low, high) = (low - span / 2, high + span / 2);
        }

        return new AxisRange(log, low == 0 && zeroBased ? 0 : low - Padding * span, high + Padding * span);
    }

    /// <summary>Where a value sits on the axis (its log10 on a log axis, as Plotly expects for ranges and annotations).</summary>
    public double Position(double value) => Log ? Math.Log10(value) : value;

    /// <summary>0 at the low end of the axis, 1 at the high end.</summary>
    public double Fraction(double value) => (Position(value) - Low) / (High - Low);

    public void WriteTo(JsonObject axis)
    {
        axis["type"] = Log ? "log" : "linear";
        axis["range"] = new JsonArray(Low, High);
        axis["autorange"] = false;
        // The margins are fixed by the figure, so that the plot area, and the labels placed in it, do not move.
        axis["automargin"] = false;
        axis.Remove("rangemode");
    }
}
