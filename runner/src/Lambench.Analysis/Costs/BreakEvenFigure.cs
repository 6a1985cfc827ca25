using System.Text.Json.Nodes;
using Lambench.Analysis.Figures;
using Lambench.Core.Cost;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Costs;

/// <summary>
/// Both monthly cost curves against the monthly volume, on log axes: Lambda's (a line) and Fargate's (steps, one per
/// task added) for each configuration, one colour each, with the break-even marked; the caveats go in the caption.
/// </summary>
public sealed class BreakEvenFigure(FigureComposer composer, ContainerBreakEven model)
{
    /// <summary>Configurations drawn; more would not read apart (the table and the CSV hold them all).</summary>
    public const int MaxConfigurations = 6;

    private const int Points = 160;

    private string L(string en, string pt) => composer.L(en, pt);

    public ReportFigure Build(IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> points, IReadOnlyList<string> caveats)
    {
        var drawn = points.Take(MaxConfigurations).Select(p => p.Point).ToList();
        var crossings = drawn.Where(p => p.RequestsPerMonth is not null).Select(p => (double)p.RequestsPerMonth!.Value).ToList();
        // From a thousand requests a month to ten times the last crossing (ten million where none is found).
        var top = Math.Pow(10, Math.Ceiling(Math.Log10((crossings.Count > 0 ? crossings.Max() : 1e6) * 10)));
        var volumes = Enumerable.Range(0, Points).Select(i => Math.Round(1e3 * Math.Pow(top / 1e3, i / (double)(Points - 1)))).ToArray();
        var traces = new List<Plotly.NET.GenericChart>();
        foreach (var p in drawn)
        {
            traces.Add(Chart.Line<double, double, string>(x: volumes, y: volumes.Select(v => (double)model.LambdaUsd((decimal)v, p.Architecture, p.MemoryMb, p.BilledDurationMs)), Name: $"{p.Configuration}: Lambda"));
            traces.Add(Chart.Line<double, double, string>(x: volumes, y: volumes.Select(v => (double)model.FargateUsd((decimal)v, p.Architecture, p.ServiceTimeMs)), Name: $"{p.Configuration}: Fargate"));
            if (p.RequestsPerMonth is { } v)
            {
                traces.Add(Chart.Point<double, double, string>(x: [(double)v], y: [(double)p.CostUsdPerMonth!.Value], Name: $"{p.Configuration}: {L("break-even", "equilíbrio")}"));
            }
        }

        var omitted = points.Count > MaxConfigurations ? L($" The first {MaxConfigurations} of {points.Count} configurations are drawn; breakeven.csv holds all.", $" Aparecem as {MaxConfigurations} primeiras de {points.Count} configurações; breakeven.csv traz todas.") : string.Empty;
        return composer.Compose("breakeven", L("Lambda against Fargate: monthly cost by volume", "Lambda contra Fargate: custo mensal por volume"),
            Chart.Combine(traces), L("Requests per month", "Requisições por mês"), L("USD per month", "USD por mês"),
            L("Lines: Lambda; steps: Fargate tasks; points: where Lambda starts to cost as much. ", "Linhas: Lambda; degraus: tarefas Fargate; pontos: onde o Lambda passa a custar o mesmo. ") + string.Join(" ", caveats) + omitted,
            figure => Style(figure, drawn));
    }

    /// <summary>Log axes; a configuration's three traces share its colour, Fargate's dashed in steps, the crossing a filled diamond.</summary>
    private static void Style(JsonObject figure, List<BreakEvenPoint> drawn)
    {
        var layout = figure["layout"]!.AsObject();
        layout["xaxis"]!["type"] = "log";
        layout["yaxis"]!["type"] = "log";
        var byName = drawn.Select((p, i) => (p.Configuration, Colour: FigurePrintStyle.Palette[i % FigurePrintStyle.Palette.Length])).ToList();
        foreach (var trace in figure["data"]!.AsArray().OfType<JsonObject>())
        {
            var name = trace["name"]!.GetValue<string>();
            var colour = byName.First(b => name.StartsWith(b.Configuration + ": ", StringComparison.Ordinal)).Colour;
            trace["marker"] = new JsonObject { ["color"] = colour, ["size"] = 11, ["symbol"] = "diamond" };
            if (trace["mode"]?.GetValue<string>() != "markers")
            {
                trace["mode"] = "lines";
                trace["line"] = name.EndsWith(": Fargate", StringComparison.Ordinal)
                    ? new JsonObject { ["color"] = colour, ["dash"] = "dash", ["shape"] = "hv", ["width"] = 2 }
                    : new JsonObject { ["color"] = colour, ["width"] = 2.5 };
            }
        }
    }
}
