using System.Text.Json.Nodes;
using Lambench.Core.Summary;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Cost per million invocations against a warm-start percentile, one point per configuration, each labelled with its
/// name (placed by <see cref="PointLabelPlacer"/>), coloured and marked by architecture, and the arm64 and x86_64
/// variants of an otherwise equal configuration joined by a line. The axes' ranges and the margins are fixed here,
/// so that the labels are placed in the pixels the figure is drawn in.
/// </summary>
public sealed class PricePerformanceFigure(FigureComposer composer, string priceCaveat, string titleCaveat)
{
    private const int Width = 720, Height = 520, Left = 100, Top = 70, Bottom = 70;
    private static readonly string[] Architectures = ["arm64", "x86_64"];

    private string L(string en, string pt) => composer.L(en, pt);

    public ReportFigure Build(string id, string percentile, List<(ConfigurationSummary Costed, double Latency)> points, string basis)
    {
        var groups = points.GroupBy(p => Array.IndexOf(Architectures, p.Costed.Architecture) is var i and >= 0 ? i : Architectures.Length).OrderBy(g => g.Key).ToList();
        var traces = groups.Select(g => Chart.Point<double, double, string>(
            x: g.Select(p => p.Latency).ToArray(), y: g.Select(p => (double)p.Costed.CostPerMillionUsd!.Value).ToArray(),
            Name: g.Key < Architectures.Length ? Architectures[g.Key] : L("other", "outra")));
        var pairLabel = L("arm64 and x86_64 pair", "par arm64 e x86_64");
        var right = 60 + (int)(9 * groups.Select(g => g.Key < Architectures.Length ? Architectures[g.Key].Length : 6).Append(pairLabel.Length).Max());
        var title = percentile == "p50"
            ? L("Price against performance: cost and warm median", "Preço versus desempenho: custo e mediana quente")
            : L("Cost against warm p95 latency", "Custo versus latência p95 quente");
        return composer.Compose(id, title + titleCaveat, Chart.Combine(traces),
            L($"{percentile} duration of warm starts (ms)", $"Duração {percentile} das partidas quentes (ms)"), L("USD per million invocations", "USD por milhão de invocações"),
            L($"Lower left is better: cheaper and faster at the {percentile} of warm starts. A line joins the arm64 and x86_64 variants of the same configuration.",
              $"Mais abaixo e à esquerda é melhor: mais barato e mais rápido no {percentile} das partidas quentes. Uma linha une as variantes arm64 e x86_64 da mesma configuração.")
            + " " + L("Cost:", "Custo:") + " " + basis + priceCaveat,
            figure => Lay(figure, groups.SelectMany(g => g).ToList(), groups.Select(g => g.Key).ToList(), pairLabel, right));
    }

    private static void Lay(JsonObject figure, List<(ConfigurationSummary Costed, double Latency)> points, List<int> architectureOfTrace, string pairLabel, int right)
    {
        var data = figure["data"]!.AsArray();
        for (var i = 0; i < data.Count; i++)
        {
            var palette = architectureOfTrace[i] switch { 0 => (FigurePrintStyle.Palette[0], "circle"), 1 => (FigurePrintStyle.Palette[1], "square"), _ => (FigurePrintStyle.Palette[2], "diamond") };
            data[i]!["mode"] = "markers";
            data[i]!["marker"] = new JsonObject { ["color"] = palette.Item1, ["symbol"] = palette.Item2, ["size"] = 11 };
        }

        var xs = points.Select(p => p.Latency).ToList();
        var ys = points.Select(p => (double)p.Costed.CostPerMillionUsd!.Value).ToList();
        var xAxis = AxisRange.Of(xs, zeroBased: false);
        var yAxis = AxisRange.Of(ys, zeroBased: true);
        var layout = figure["layout"]!.AsObject();
        xAxis.WriteTo(layout["xaxis"]!.AsObject());
        yAxis.WriteTo(layout["yaxis"]!.AsObject());
        layout["height"] = Height;
        layout["margin"] = new JsonObject { ["l"] = Left, ["r"] = right, ["t"] = Top, ["b"] = Bottom };

        var (plotWidth, plotHeight) = (Width - Left - right, Height - Top - Bottom);
        var pixels = points.Select(p => (xAxis.Fraction(p.Latency) * plotWidth, (1 - yAxis.Fraction((double)p.Costed.CostPerMillionUsd!.Value)) * plotHeight, p.Costed.Stratum)).ToList();
        var offsets = PointLabelPlacer.Place(pixels, plotWidth, plotHeight);
        layout["annotations"] = new JsonArray(points.Select((p, i) => (JsonNode)Label(xAxis.Position(xs[i]), yAxis.Position(ys[i]), p.Costed.Stratum, offsets[i])).ToArray());
        if (Pairs(points) is { Count: > 0 } pairs)
        {
            // First, so the markers are drawn over the lines; last in the legend.
            data.Insert(0, new JsonObject
            {
                ["type"] = "scatter", ["mode"] = "lines", ["name"] = pairLabel, ["hoverinfo"] = "skip", ["legendrank"] = 2000,
                ["x"] = new JsonArray(pairs.SelectMany(p => new JsonNode?[] { xs[p.Arm], xs[p.X86], null }).ToArray()),
                ["y"] = new JsonArray(pairs.SelectMany(p => new JsonNode?[] { ys[p.Arm], ys[p.X86], null }).ToArray()),
                ["line"] = new JsonObject { ["color"] = "#666666", ["dash"] = "dot", ["width"] = 1.5 },
                ["marker"] = new JsonObject { ["color"] = "#666666" },
            });
        }
    }

    private static JsonObject Label(double x, double y, string text, (double Dx, double Dy, bool Leader) at)
    {
        var label = new JsonObject { ["x"] = x, ["y"] = y, ["text"] = text, ["font"] = new JsonObject { ["size"] = PointLabelPlacer.FontPx }, ["xanchor"] = "center", ["yanchor"] = "middle" };
        if (at.Leader)
        {
            (label["showarrow"], label["ax"], label["ay"], label["arrowhead"], label["arrowwidth"], label["arrowcolor"], label["standoff"]) = (true, at.Dx, at.Dy, 0, 0.8, "#666666", 6);
        }
        else
        {
            (label["showarrow"], label["xshift"], label["yshift"]) = (false, at.Dx, -at.Dy);
        }

        return label;
    }

    /// <summary>Index pairs of the points that differ only in architecture: one arm64 and one x86_64 of the same runtime, memory, workload and platform.</summary>
    private static List<(int Arm, int X86)> Pairs(List<(ConfigurationSummary Costed, double Latency)> points) =>
        points.Select((p, i) => (p.Costed, Index: i))
            .GroupBy(p => (p.Costed.Runtime, p.Costed.MemorySizeMb, p.Costed.Workload, p.Costed.Platform))
            .Where(g => g.Key.Runtime is not null && g.Count() == 2 && g.Any(p => p.Costed.Architecture == "arm64") && g.Any(p => p.Costed.Architecture == "x86_64"))
            .Select(g => (g.Single(p => p.Costed.Architecture == "arm64").Index, g.Single(p => p.Costed.Architecture == "x86_64").Index))
            .ToList();
}
