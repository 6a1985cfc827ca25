using System.Text.Json.Nodes;
using Lambench.Core.Columns;
using Lambench.Core.Records;
using Lambench.Core.Summary;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Builds the report's figures with Plotly.NET: percentiles per configuration, the distribution (box plots), cold vs
/// warm with the Init share, cost per configuration, and cost against p95 latency. Titles, axes and number separators
/// are set on the figure JSON in the report's language.
/// </summary>
public sealed class ReportFigureBuilder(ReportLanguage language, Lambench.Core.Cost.PriceCatalog? prices = null)
{
    private string L(string en, string pt) => language.T(en, pt);

    public IReadOnlyList<ReportFigure> Build(SummaryResult summary, IReadOnlyList<InvocationRecord> invocations)
    {
        // Latency figures use warm starts; costs the mix at a declared cold share, else warm starts (never the share the
        // protocol happened to force).
        var warm = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm).ToDictionary(r => r.Stratum);
        var mix = summary.Rows.Where(r => r.StartType == StartTypeNames.Mix).ToList();
        var all = (mix.Count > 0 ? mix : [.. warm.Values]).Where(r => r.Duration.N > 0).ToList();
        var basis = mix.Count > 0
            ? L($"At the declared cold share of {language.Percent(mix[0].ColdStartRate)}.", $"Na parcela de partidas a frio declarada de {language.Percent(mix[0].ColdStartRate)}.")
            : L("Warm invocations (no cold share declared: report --cold-share).", "Invocações quentes (nenhuma parcela de partidas a frio declarada: report --cold-share).");
        var figures = new List<ReportFigure>
        {
            Percentiles([.. warm.Values.Where(r => r.Duration.N > 0)]),
            Distribution(invocations),
            ColdVsWarm(summary),
        };
        var priced = all.Where(r => r.CostPerMillionUsd is not null).ToList();
        if (priced.Count > 0)
        {
            figures.Add(CostPerConfiguration(priced, basis));
            // A p95 needs 20 successful invocations: configurations with fewer have none to place.
            if (priced.Where(r => warm[r.Stratum].Duration.P95 is not null).Select(r => (r, warm[r.Stratum].Duration.P95!.Value)).ToList() is { Count: > 0 } placed)
            {
                figures.Add(CostAgainstLatency(placed, basis));
            }
        }

        return figures;
    }

    private ReportFigure Percentiles(List<ConfigurationSummary> rows)
    {
        // On HdrHistogram's percentile axis, −log10(1 − q): each "nine" one unit, the tail spread out, not evenly spaced categories.
        double[] keys = FigurePrintStyle.PercentilePositions;
        var traces = rows.Select(r => Chart.Line<double, double, string>(
            x: keys,
            y: new[] { r.Duration.P50, r.Duration.P90, r.Duration.P95, r.Duration.P99 }.Select(v => v ?? double.NaN),
            ShowMarkers: true,
            Name: r.Stratum));
        return Figure("percentiles", L("Warm-start duration percentiles per configuration", "Percentis de duração das partidas quentes por configuração"),
            Chart.Combine(traces), L("Percentile", "Percentil"), L("Duration (ms)", "Duração (ms)"),
            L("Successful warm starts; linear interpolation between closest ranks; a percentile is drawn only where the sample carries it (p90 from n = 10, p95 from 20, p99 from 100).",
              "Partidas quentes bem-sucedidas; interpolação linear entre postos vizinhos; um percentil só aparece quando a amostra o sustenta (p90 a partir de n = 10, p95 de 20, p99 de 100)."));
    }

    /// <summary>Above this many invocations a box is drawn from its precomputed statistics, so the figure stays small at any n.</summary>
    public const int BoxPointsLimit = 5_000;

    private ReportFigure Distribution(IReadOnlyList<InvocationRecord> invocations)
    {
        // Read from the columns: a million rows are grouped without building a record each.
        var columns = invocations is InvocationRecordList list ? list.Columns : InvocationColumns.From(invocations);
        var durations = new Dictionary<(string Stratum, StartType StartType), List<double>>();
        for (var row = 0; row < columns.Count; row++)
        {
            if (columns.IsSuccess(row))
            {
                var key = (StratumName.Of(columns.Source(row).Configuration, columns.Label(row)), columns.IsCold(row) ? StartType.Cold : StartType.Warm);
                if (!durations.TryGetValue(key, out var values))
                {
                    durations[key] = values = [];
                }

                values.Add(columns.DurationMs[row]);
            }
        }

        var groups = durations
            .OrderBy(g => g.Key.Stratum, StringComparer.Ordinal).ThenBy(g => g.Key.StartType)
            .Select(g => (Name: $"{g.Key.Stratum} ({language.StartType(g.Key.StartType.ToName())})", g.Key.StartType, Values: g.Value.ToArray()))
            .ToList();
        // Large groups go in with their five numbers only; the patch below replaces them by Plotly's precomputed box.
        var traces = groups.Select(g => Chart.BoxPlot<string, double, string>(Y: g.Values.Length > BoxPointsLimit ? [0.0] : g.Values, Name: g.Name));
        // One colour per start type, so warm and cold rows read apart down the axis (set from the groups, which know it).
        var colours = groups.ToDictionary(g => g.Name, g => FigurePrintStyle.ColourOf(g.StartType));
        var large = groups.Where(g => g.Values.Length > BoxPointsLimit).ToDictionary(g => g.Name, g => g.Values);
        return Figure("distribution", L("Distribution of durations", "Distribuição das durações"),
            Chart.Combine(traces), L("Configuration (start type)", "Configuração (tipo de início)"), L("Duration (ms)", "Duração (ms)"),
            L($"Successful invocations. Box: quartiles and median; whiskers: the farthest values within 1.5 IQR. Up to 200 invocations, every one is drawn as a point; up to {BoxPointsLimit.ToString("N0", language.Numbers)}, those beyond the whiskers; above, none (the box is computed here from all of them, and the figure's size does not grow with n).",
              $"Invocações bem-sucedidas. Caixa: quartis e mediana; bigodes: os valores mais distantes dentro de 1,5 IIQ. Até 200 invocações, cada uma aparece como ponto; até {BoxPointsLimit.ToString("N0", language.Numbers)}, as além dos bigodes; acima disso, nenhuma (a caixa é calculada aqui com todas, e o tamanho da figura não cresce com n)."),
            figure =>
            {
                PrecomputedBoxes(figure, large);
                foreach (var trace in figure["data"]!.AsArray().OfType<JsonObject>())
                {
                    trace["marker"] = new JsonObject { ["color"] = colours[trace["name"]!.GetValue<string>()] };
                }
            });
    }

    /// <summary>Replaces the traces of large groups by precomputed boxes: linear quartiles (as everywhere here) and Tukey's whiskers.</summary>
    private static void PrecomputedBoxes(JsonObject figure, IReadOnlyDictionary<string, double[]> large)
    {
        foreach (var trace in figure["data"]!.AsArray().OfType<JsonObject>())
        {
            if (trace["name"]?.GetValue<string>() is not { } name || !large.TryGetValue(name, out var values))
            {
                continue;
            }

            Array.Sort(values);
            double q1 = Core.Statistics.Percentiles.Linear(values, 25), q3 = Core.Statistics.Percentiles.Linear(values, 75);
            var reach = 1.5 * (q3 - q1);
            var lower = values.First(v => v >= q1 - reach);
            var upper = values.Last(v => v <= q3 + reach);
            trace.Remove("y");
            trace["x"] = new JsonArray(name);
            trace["q1"] = new JsonArray(q1);
            trace["median"] = new JsonArray(Core.Statistics.Percentiles.Linear(values, 50));
            trace["q3"] = new JsonArray(q3);
            trace["lowerfence"] = new JsonArray(lower);
            trace["upperfence"] = new JsonArray(upper);
            trace["boxpoints"] = false;
        }
    }

    private ReportFigure ColdVsWarm(SummaryResult summary)
    {
        var keys = new List<string>();
        var durations = new List<double>();
        var inits = new List<double>();
        foreach (var stratum in summary.Rows.Select(r => r.Stratum).Distinct())
        {
            foreach (var startType in new[] { StartTypeNames.Warm, StartTypeNames.Cold })
            {
                var row = summary.Rows.Single(r => r.Stratum == stratum && r.StartType == startType);
                if (row.Duration.N == 0)
                {
                    continue;
                }

                keys.Add($"{stratum} · {language.StartType(startType)}");
                durations.Add(row.Duration.Mean!.Value);
                inits.Add(row.InitDuration.Mean ?? 0);
            }
        }

        var chart = Chart.Combine(
        [
            Chart.StackedColumn<double, string, string>(durations, Keys: keys, Name: L("Duration (mean)", "Duration (média)")),
            Chart.StackedColumn<double, string, string>(inits, Keys: keys, Name: L("Init Duration (mean)", "Init Duration (média)")),
        ]);
        return Figure("cold-vs-warm", L("Cold vs warm starts: mean time and Init share", "Partidas a frio e quentes: tempo médio e parcela do Init"),
            chart, L("Configuration · start type", "Configuração · tipo de início"), L("Time (ms)", "Tempo (ms)"),
            L("Stacked: mean Duration plus mean Init Duration (cold starts only).", "Empilhado: Duration média mais Init Duration média (só partidas a frio)."));
    }

    private ReportFigure CostPerConfiguration(List<ConfigurationSummary> rows, string basis)
    {
        var chart = Chart.Column<double, string, string>(
            rows.Select(r => (double)r.CostPerMillionUsd!.Value).ToArray(),
            Keys: rows.Select(r => r.Stratum).ToArray(),
            Name: L("USD per million invocations", "USD por milhão de invocações"));
        return Figure("cost", L("Lambda cost per million invocations", "Custo do Lambda por milhão de invocações") + TitleCaveat(),
            chart, L("Configuration", "Configuração"), "USD",
            L("Compute and requests at first-tier list prices, from each invocation's Billed Duration.", "Computação e requisições a preços de tabela do primeiro escalão, pelo Billed Duration de cada invocação.") + " " + basis + PriceCaveat());
    }

    /// <param name="rows">each priced row with its warm starts' p95.</param>
    private ReportFigure CostAgainstLatency(List<(ConfigurationSummary Row, double WarmP95)> rows, string basis)
    {
        var traces = rows.Select(r => Chart.Point<double, double, string>(
            x: [r.WarmP95],
            y: [(double)r.Row.CostPerMillionUsd!.Value],
            Name: r.Row.Stratum));
        return Figure("cost-vs-p95", L("Cost against warm p95 latency", "Custo versus latência p95 quente") + TitleCaveat(),
            Chart.Combine(traces), L("p95 duration of warm starts (ms)", "Duração p95 das partidas quentes (ms)"), L("USD per million invocations", "USD por milhão de invocações"),
            L("Lower left is better: cheaper and faster at the 95th percentile of warm starts.",
              "Mais abaixo e à esquerda é melhor: mais barato e mais rápido no percentil 95 das partidas quentes.") + " " + L("Cost:", "Custo:") + " " + basis + PriceCaveat());
    }

    /// <summary>" Unconfirmed price (…)." where the price file marks a figure of its region as not confirmed.</summary>
    private string PriceCaveat() => prices?.UnconfirmedItems(lambdaOnly: true) is { Count: > 0 } items
        ? " " + L($"Unconfirmed price for {prices.PricedRegion}: {string.Join(", ", items)}.", $"Preço não confirmado para {prices.PricedRegion}: {string.Join(", ", items)}.")
        : string.Empty;

    /// <summary>In the title, so the SVG, PNG and PDF files carry it too, not only the report page's caption.</summary>
    private string TitleCaveat() => prices?.UnconfirmedItems(lambdaOnly: true) is { Count: > 0 }
        ? L($" ({prices.PricedRegion}: unconfirmed price)", $" ({prices.PricedRegion}: preço não confirmado)")
        : string.Empty;

    /// <summary>Bars start at zero so their heights compare; box plots and percentile lines zoom to the data.</summary>
    private static readonly HashSet<string> ZeroBased = ["cold-vs-warm", "cost", "cost-vs-p95"];

    private ReportFigure Figure(string id, string title, Plotly.NET.GenericChart chart, string xTitle, string yTitle, string caption, Action<JsonObject>? patch = null)
    {
        var figure = JsonNode.Parse(Plotly.NET.GenericChart.toFigureJson(chart))!.AsObject();
        figure.Remove("frames");
        patch?.Invoke(figure);
        foreach (var trace in figure["data"]!.AsArray())
        {
            // Small samples: show every invocation over its box, so five points are not mistaken for a distribution.
            if (trace!["type"]?.GetValue<string>() == "box" && trace["y"]?.AsArray().Count <= 200)
            {
                trace["boxpoints"] = "all";
                trace["jitter"] = 0.3;
                trace["pointpos"] = 0;
            }
        }

        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["xaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = xTitle }, ["automargin"] = true, ["separatethousands"] = true },
            ["yaxis"] = new JsonObject { ["title"] = new JsonObject { ["text"] = yTitle }, ["automargin"] = true, ["rangemode"] = ZeroBased.Contains(id) ? "tozero" : "normal", ["separatethousands"] = true },
            ["width"] = 720,
            ["height"] = 440,
            ["paper_bgcolor"] = "white",
            ["plot_bgcolor"] = "white",
            ["font"] = new JsonObject { ["family"] = "DejaVu Sans, Arial, sans-serif", ["size"] = 14 },
            ["separators"] = language.IsPortuguese ? ",." : ".,",
            ["margin"] = new JsonObject { ["t"] = 70 },
        };
        if (id == "cold-vs-warm")
        {
            layout["barmode"] = "stack";
        }

        figure["layout"] = layout;
        FigurePrintStyle.Apply(figure, id);
        return new ReportFigure(id, title, figure.ToJsonString(), caption);
    }
}
