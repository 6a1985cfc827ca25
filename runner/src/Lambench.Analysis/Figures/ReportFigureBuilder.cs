using System.Text.Json.Nodes;
using Lambench.Core.Records;
using Lambench.Core.Summary;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Builds the report's figures with Plotly.NET, in this order: percentiles per configuration, the distribution (box
/// plots), the ECDF, histograms, durations in run order (drift), cold vs warm with the Init share, then those of
/// <see cref="CostFigureBuilder"/>: cost per configuration, price against p50 and p95, the runtime × architecture grid.
/// Titles, axes and number separators are in the report's language (<see cref="FigureComposer"/>).
/// </summary>
public sealed class ReportFigureBuilder(ReportLanguage language, Lambench.Core.Cost.PriceCatalog? prices = null)
{
    private readonly FigureComposer composer = new(language);

    private string L(string en, string pt) => language.T(en, pt);

    private ReportFigure Figure(string id, string title, Plotly.NET.GenericChart chart, string xTitle, string yTitle, string caption, Action<JsonObject>? patch = null) =>
        composer.Compose(id, title, chart, xTitle, yTitle, caption, patch);

    public IReadOnlyList<ReportFigure> Build(SummaryResult summary, IReadOnlyList<InvocationRecord> invocations)
    {
        var samples = StratumSamples.From(invocations);
        var warm = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm && r.Duration.N > 0).ToList();
        var sampleFigures = new SampleFigureBuilder(composer);
        var figures = new List<ReportFigure> { Percentiles(warm), Distribution(samples), sampleFigures.Ecdf(samples) };
        figures.AddRange(sampleFigures.Histogram(samples) is { } histogram ? [histogram] : []);
        figures.Add(sampleFigures.Drift(samples));
        figures.Add(ColdVsWarm(summary));
        figures.AddRange(new CostFigureBuilder(composer, prices).Build(summary));
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

    private ReportFigure Distribution(StratumSamples samples)
    {
        var groups = samples.Strata
            .SelectMany(s => new[] { StartType.Warm, StartType.Cold }.Select(t => (Name: $"{s.Stratum} ({language.StartType(t.ToName())})", StartType: t, Values: s.Of(t))))
            .Where(g => g.Values.Count > 0)
            .ToList();
        // Large groups go in with their five numbers only; the patch below replaces them by Plotly's precomputed box.
        var traces = groups.Select(g => Chart.BoxPlot<string, double, string>(Y: g.Values.Count > BoxPointsLimit ? [0.0] : g.Values.ToArray(), Name: g.Name));
        // One colour per start type, so warm and cold rows read apart down the axis (set from the groups, which know it).
        var colours = groups.ToDictionary(g => g.Name, g => FigurePrintStyle.ColourOf(g.StartType));
        var large = groups.Where(g => g.Values.Count > BoxPointsLimit).ToDictionary(g => g.Name, g => g.Values);
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
    internal static void PrecomputedBoxes(JsonObject figure, IReadOnlyDictionary<string, IReadOnlyList<double>> large)
    {
        foreach (var trace in figure["data"]!.AsArray().OfType<JsonObject>())
        {
            if (trace["name"]?.GetValue<string>() is not { } name || !large.TryGetValue(name, out var group))
            {
                continue;
            }

            // A sorted copy: the group's values are the stratum's, shared with the other figures.
            var values = group.Order().ToArray();
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
}
