using System.Text.Json.Nodes;

namespace Lambench.Analysis.Figures;

/// <summary>
/// What makes a figure fit a printed thesis: categories on the vertical axis, so long configuration names are written
/// horizontally and never cut or rotated over the legend; no legend where it would repeat the axis; the Okabe–Ito
/// palette (safe for colour-blind readers) with marker symbols, line dashes and a bar pattern that survive grayscale;
/// a logarithmic axis where durations spread over more than a factor of 20; thousands separated on every axis; and a
/// size whose 14 px text is about 9 pt at a text width of 16 cm.
/// </summary>
public static class FigurePrintStyle
{
    /// <summary>p50, p90, p95, p99 at −log10(1 − q): 0.301, 1, 1.301, 2.</summary>
    public static readonly double[] PercentilePositions = new[] { 50.0, 90, 95, 99 }.Select(p => -Math.Log10(1 - p / 100)).ToArray();

    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
    /// <summary>Warm starts blue, cold starts vermilion: the palette's two most distinct in colour and in grey.</summary>
    public static string ColourOf(Lambench.Core.Records.StartType startType) => startType == Lambench.Core.Records.StartType.Cold ? Palette[5] : Palette[0];

    private static readonly string[] Symbols = ["circle", "square", "diamond", "triangle-up", "x", "cross", "triangle-down", "star"];
    private static readonly string[] Dashes = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"];

    /// <summary>Figures whose categories (strata) become the vertical axis.</summary>
    private static readonly HashSet<string> Horizontal = ["distribution", "cold-vs-warm", "cost"];

    /// <summary>Figures whose every trace names one category of the axis: a legend would only repeat it.</summary>
    private static readonly HashSet<string> NoLegend = ["distribution", "cost", "histogram", "grid"];

    /// <summary>Figures whose series are lines: told apart by dashes as well as colour.</summary>
    private static readonly HashSet<string> Dashed = ["percentiles", "ecdf"];

    /// <summary>Durations spread over more than a factor of 20 are drawn on a logarithmic axis.</summary>
    public static bool IsWide(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        return finite.Count > 0 && finite.Min() > 0 && finite.Max() / finite.Min() > 20;
    }

    public static void Apply(JsonObject figure, string id)
    {
        var traces = figure["data"]!.AsArray().OfType<JsonObject>().ToList();
        var layout = figure["layout"]!.AsObject();
        layout["colorway"] = new JsonArray(Palette.Select(c => (JsonNode)c).ToArray());
        if (Horizontal.Contains(id))
        {
            Turn(traces, layout);
        }

        if (NoLegend.Contains(id))
        {
            layout["showlegend"] = false;
        }
        else
        {
            // A column at the right (Plotly widens the margin for it): never into the title or over the axes.
            layout["legend"] = new JsonObject { ["orientation"] = "v", ["x"] = 1.02, ["xanchor"] = "left", ["y"] = 1, ["yanchor"] = "top" };
        }

        for (var i = 0; i < traces.Count; i++)
        {
            Distinguish(traces[i], i, id);
        }

        if (id == "percentiles")
        {
            layout["xaxis"]!["tickvals"] = new JsonArray(PercentilePositions.Select(p => (JsonNode)p).ToArray());
            layout["xaxis"]!["ticktext"] = new JsonArray("p50", "p90", "p95", "p99");
            layout["xaxis"]!["range"] = new JsonArray(0.15, 2.15);
        }

        if (id == "distribution" && Spread(traces) is var (low, high) && IsWide([low, high]))
        {
            layout["xaxis"]!["type"] = "log";
        }
    }

    /// <summary>Swaps the axes: values along x, one category per row from the top, the height following the rows.</summary>
    private static void Turn(List<JsonObject> traces, JsonObject layout)
    {
        foreach (var trace in traces)
        {
            var (x, y) = (trace["x"]?.DeepClone(), trace["y"]?.DeepClone());
            trace.Remove("x");
            trace.Remove("y");
            if (y is not null)
            {
                trace["x"] = y;
            }

            if (x is not null)
            {
                trace["y"] = x;
            }

            trace["orientation"] = "h";
        }

        var (xaxis, yaxis) = (layout["xaxis"]!.DeepClone().AsObject(), layout["yaxis"]!.DeepClone().AsObject());
        layout["xaxis"] = yaxis;
        layout["yaxis"] = xaxis;
        xaxis["autorange"] = "reversed";
        var rows = traces.Select(t => t["name"]?.GetValue<string>()).Distinct().Count();
        if (traces.All(t => t["type"]?.GetValue<string>() == "bar"))
        {
            rows = traces.Max(t => t["y"]?.AsArray().Count ?? 1);
        }

        layout["height"] = Math.Max(340, 150 + 34 * rows);
    }

    /// <summary>Marks series apart without colour: symbols, dashes, and a hatch on the second bar series; a trace whose builder chose its marker keeps it.</summary>
    private static void Distinguish(JsonObject trace, int index, string id)
    {
        if (trace["marker"]?["color"] is not null)
        {
            return;
        }

        switch (trace["type"]?.GetValue<string>())
        {
            case "scatter":
                trace["marker"] = new JsonObject { ["symbol"] = Symbols[index % Symbols.Length], ["size"] = 9 };
                if (Dashed.Contains(id))
                {
                    // Merged into the line Plotly.NET wrote, which may carry its shape (the ECDF's steps).
                    var line = trace["line"] as JsonObject ?? [];
                    line["dash"] = Dashes[index % Dashes.Length];
                    line["width"] = 2;
                    trace["line"] = line;
                }

                break;
            case "bar" when index % 2 == 1:
                trace["marker"] = new JsonObject { ["pattern"] = new JsonObject { ["shape"] = "/" } };
                break;
        }
    }

    /// <summary>The smallest and largest value drawn (box values, or precomputed fences).</summary>
    private static (double Low, double High)? Spread(List<JsonObject> traces)
    {
        var values = traces.SelectMany(t => (t["x"] as JsonArray ?? []).Concat(t["lowerfence"] as JsonArray ?? []).Concat(t["upperfence"] as JsonArray ?? []))
            .Select(v => v?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : double.NaN).Where(double.IsFinite).ToList();
        return values.Count == 0 ? null : (values.Min(), values.Max());
    }
}
