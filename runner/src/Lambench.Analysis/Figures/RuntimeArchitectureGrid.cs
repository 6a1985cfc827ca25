using System.Text.Json.Nodes;
using Lambench.Core.Summary;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Figures;

/// <summary>
/// The runtime × architecture grid: one row per runtime (with the memory size, workload and platform where those
/// vary), one column per architecture, each cell shaded by its warm median and labelled with it and its cost per
/// million. Drawn where the data has two runtimes or two architectures and every cell is one configuration.
/// </summary>
public sealed class RuntimeArchitectureGrid(FigureComposer composer)
{
    private string L(string en, string pt) => composer.L(en, pt);

    public ReportFigure? Build(List<ConfigurationSummary> costed, IReadOnlyDictionary<string, ConfigurationSummary> warm)
    {
        var cells = costed.Where(r => r.Runtime is not null && r.Architecture is not null && warm[r.Stratum].Duration.P50 is not null).ToList();
        var architectures = cells.Select(r => r.Architecture!).Distinct().Order(StringComparer.Ordinal).ToList();
        if (cells.Count < 2 || (architectures.Count < 2 && cells.Select(r => r.Runtime).Distinct().Count() < 2))
        {
            return null;
        }

        var rowOf = cells.ToDictionary(r => r.Stratum, RowName(cells));
        if (cells.GroupBy(r => (rowOf[r.Stratum], r.Architecture)).Any(g => g.Count() > 1))
        {
            return null; // two configurations would share a cell: the grid cannot show them both
        }

        var rows = cells.Select(r => rowOf[r.Stratum]).Distinct().ToList();
        var cell = cells.ToDictionary(r => (rowOf[r.Stratum], r.Architecture!));
        var z = rows.Select(row => architectures.Select(a => cell.TryGetValue((row, a), out var r) ? warm[r.Stratum].Duration.P50!.Value : double.NaN).ToArray()).ToArray();
        var text = rows.Select(row => architectures.Select(a => cell.TryGetValue((row, a), out var r)
            ? $"{composer.Language.Fixed(warm[r.Stratum].Duration.P50, 2)} ms<br>{Money(r.CostPerMillionUsd!.Value)} USD/M"
            : string.Empty).ToArray()).ToArray();
        var chart = Chart.Heatmap<double, string, string, string>(z, X: architectures, Y: rows, XGap: 3, YGap: 3, ReverseYAxis: true);
        return composer.Compose("grid", L("Runtime × architecture: warm median and cost", "Runtime × arquitetura: mediana quente e custo"),
            chart, L("Architecture", "Arquitetura"), L("Runtime", "Runtime"),
            L("Each cell: the warm-start p50 duration (its shade) and the cost per million invocations (the mix at a declared cold share, else warm starts). An empty cell: no such configuration was measured.",
              "Cada célula: a duração p50 das partidas quentes (seu tom) e o custo por milhão de invocações (a mistura na parcela de partidas a frio declarada, senão partidas quentes). Célula vazia: essa configuração não foi medida."),
            figure =>
            {
                var trace = figure["data"]![0]!.AsObject();
                trace["text"] = new JsonArray(text.Select(r => (JsonNode)new JsonArray(r.Select(t => (JsonNode)t).ToArray())).ToArray());
                trace["texttemplate"] = "%{text}";
                trace["colorscale"] = "Cividis";
                trace["colorbar"] = new JsonObject { ["title"] = new JsonObject { ["text"] = "p50 (ms)" } };
                trace["hoverongaps"] = false;
                figure["layout"]!["height"] = Math.Max(340, 170 + 80 * rows.Count);
                figure["layout"]!["xaxis"]!["type"] = "category";
                figure["layout"]!["yaxis"]!["type"] = "category";
                figure["layout"]!["yaxis"]!["autorange"] = "reversed";
            });
    }

    /// <summary>Below 1 USD four decimals (a million fast invocations cost cents), else two.</summary>
    private string Money(decimal usd) => composer.Language.Fixed(usd, usd < 1 ? 4 : 2);

    /// <summary>The runtime, followed by whichever of memory, workload and platform differ between the cells.</summary>
    private static Func<ConfigurationSummary, string> RowName(List<ConfigurationSummary> cells)
    {
        var memory = cells.Select(r => r.MemorySizeMb).Distinct().Count() > 1;
        var workload = cells.Select(r => r.Workload).Distinct().Count() > 1;
        var platform = cells.Select(r => r.Platform).Distinct().Count() > 1;
        return r => string.Join(" · ", new[]
        {
            r.Runtime, memory ? $"{r.MemorySizeMb} MB" : null, workload ? r.Workload : null, platform ? r.Platform : null,
        }.Where(p => p is not null));
    }
}
