using System.Text.Json.Nodes;
using Lambench.Core.Records;
using Lambench.Core.Statistics;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Figures;

/// <summary>
/// The figures drawn from the invocations themselves rather than from their statistics: the empirical CDF of each
/// stratum's warm starts, their histograms, and the durations in the order they ran (to see drift and where the cold
/// starts fell). Each stays the same size at any n: above a limit, it draws quantiles or bucket medians instead of points.
/// </summary>
public sealed class SampleFigureBuilder(FigureComposer composer)
{
    /// <summary>Above this many warm starts, the ECDF is drawn through its quantiles at every 0.1 % instead of every step.</summary>
    public const int EcdfStepsLimit = 1_000;

    /// <summary>Above this many invocations a stratum's drift is drawn as the medians of <see cref="DriftBuckets"/> consecutive buckets.</summary>
    public const int DriftPointsLimit = 2_000, DriftBuckets = 500;

    private string L(string en, string pt) => composer.L(en, pt);

    public ReportFigure Ecdf(StratumSamples samples)
    {
        var strata = samples.Strata.Select(s => (s.Stratum, Warm: s.Of(StartType.Warm).Order().ToArray())).Where(s => s.Warm.Length > 0).ToList();
        var traces = strata.Select(s =>
        {
            var (x, y) = EcdfPoints(s.Warm);
            return Chart.Line<double, double, string>(x: x, y: y, Name: s.Stratum);
        });
        var wide = FigurePrintStyle.IsWide(strata.SelectMany(s => new[] { s.Warm[0], s.Warm[^1] }));
        return composer.Compose("ecdf", L("Empirical distribution of warm-start durations", "Distribuição empírica das durações das partidas quentes"),
            Chart.Combine(traces), L("Duration (ms)", "Duração (ms)"), L("Share of invocations at or below", "Parcela de invocações até o valor"),
            L($"Successful warm starts: the share of invocations that took at most x. Up to {EcdfStepsLimit.ToString("N0", composer.Language.Numbers)} invocations a stratum, every step is drawn; above, the line joins the quantiles at every 0.1 %.",
              $"Partidas quentes bem-sucedidas: a parcela das invocações que levaram no máximo x. Até {EcdfStepsLimit.ToString("N0", composer.Language.Numbers)} invocações por estrato, cada degrau aparece; acima, a linha une os quantis a cada 0,1 %."),
            figure =>
            {
                var data = figure["data"]!.AsArray().OfType<JsonObject>().ToList();
                for (var i = 0; i < data.Count; i++)
                {
                    // Steps, as an ECDF is; straight lines between the quantiles above the limit.
                    data[i]["mode"] = "lines";
                    data[i]["line"] = new JsonObject { ["shape"] = strata[i].Warm.Length <= EcdfStepsLimit ? "hv" : "linear" };
                }

                var layout = figure["layout"]!;
                layout["yaxis"]!["range"] = new JsonArray(0, 1.02);
                layout["yaxis"]!["tickformat"] = ".0%";
                if (wide)
                {
                    layout["xaxis"]!["type"] = "log";
                }
            });
    }

    /// <summary>The steps of the ECDF of <paramref name="sorted"/> (from 0 at its minimum), or its quantiles at k/1000 above the limit.</summary>
    public static (double[] X, double[] Y) EcdfPoints(double[] sorted)
    {
        if (sorted.Length > EcdfStepsLimit)
        {
            var k = Enumerable.Range(0, 1001).ToArray();
            return (k.Select(i => Percentiles.Linear(sorted, i / 10.0)).ToArray(), k.Select(i => i / 1000.0).ToArray());
        }

        var n = sorted.Length;
        return ([sorted[0], .. sorted], [0.0, .. Enumerable.Range(1, n).Select(i => (double)i / n)]);
    }

    /// <summary>One panel per stratum with at least two warm starts; null where none has.</summary>
    public ReportFigure? Histogram(StratumSamples samples)
    {
        var strata = samples.Strata.Select(s => (s.Stratum, Warm: s.Of(StartType.Warm))).Where(s => s.Warm.Count >= 2).ToList();
        if (strata.Count == 0)
        {
            return null;
        }

        var bins = strata.Select(s => HistogramBins.Of(s.Warm)).ToList();
        var traces = strata.Select((s, k) => Chart.Column<long, double, string>(bins[k].Counts, Keys: bins[k].Centres, Name: s.Stratum));
        return composer.Compose("histogram", L("Histograms of warm-start durations", "Histogramas das durações das partidas quentes"),
            Chart.Combine(traces), L("Duration (ms)", "Duração (ms)"), L("Invocations", "Invocações"),
            L($"Successful warm starts, one panel per configuration at its own scale. Equal-width bins from the minimum to the maximum, their width by the Freedman–Diaconis rule (2 IQR n^(−1/3); Sturges' rule where the IQR is 0), at most {HistogramBins.MaxBins}.",
              $"Partidas quentes bem-sucedidas, um painel por configuração, cada um em sua escala. Classes de largura igual do mínimo ao máximo, largura pela regra de Freedman–Diaconis (2 IIQ n^(−1/3); regra de Sturges quando o IIQ é 0), no máximo {HistogramBins.MaxBins}."),
            figure =>
            {
                var data = figure["data"]!.AsArray().OfType<JsonObject>().ToList();
                for (var i = 0; i < data.Count; i++)
                {
                    // Bars as wide as their bins, touching as a histogram's do, with a white edge between them.
                    data[i]["marker"] = new JsonObject { ["color"] = FigurePrintStyle.Palette[0], ["line"] = new JsonObject { ["color"] = "white", ["width"] = 0.5 } };
                    data[i]["width"] = bins[i].Width;
                }

                SmallMultiples.Apply(figure, strata.Select(s => s.Stratum).ToList(), Enumerable.Range(0, strata.Count).ToList());
            });
    }

    public ReportFigure Drift(StratumSamples samples)
    {
        var traces = new List<(Plotly.NET.GenericChart Chart, int Panel, StartType StartType)>();
        for (var panel = 0; panel < samples.Strata.Count; panel++)
        {
            var stratum = samples.Strata[panel];
            foreach (var startType in new[] { StartType.Warm, StartType.Cold })
            {
                // Positions count every successful invocation of the stratum, so a cold start sits where it ran.
                var positions = Enumerable.Range(0, stratum.DurationsMs.Length).Where(i => stratum.IsCold[i] == (startType == StartType.Cold)).ToArray();
                if (positions.Length > 0)
                {
                    var (x, y) = DriftPoints(positions, stratum.DurationsMs);
                    traces.Add((Chart.Point<double, double, string>(x: x, y: y, Name: composer.Language.StartType(startType.ToName())), panel, startType));
                }
            }
        }

        return composer.Compose("drift", L("Durations in the order the invocations ran", "Durações na ordem em que as invocações ocorreram"),
            Chart.Combine(traces.Select(t => t.Chart)), L("Invocation (in order)", "Invocação (em ordem)"), L("Duration (ms)", "Duração (ms)"),
            L($"Successful invocations of each configuration in the order they ran (by their REPORT timestamps), to show drift over the run and where the cold starts fell. Above {DriftPointsLimit.ToString("N0", composer.Language.Numbers)} invocations of a start type, each point is the median of one of {DriftBuckets} buckets of consecutive invocations.",
              $"Invocações bem-sucedidas de cada configuração na ordem em que ocorreram (pelos carimbos de tempo das linhas REPORT), para mostrar deriva ao longo da execução e onde caíram as partidas a frio. Acima de {DriftPointsLimit.ToString("N0", composer.Language.Numbers)} invocações de um tipo de início, cada ponto é a mediana de um de {DriftBuckets} grupos de invocações consecutivas."),
            figure =>
            {
                var data = figure["data"]!.AsArray().OfType<JsonObject>().ToList();
                for (var i = 0; i < data.Count; i++)
                {
                    var cold = traces[i].StartType == StartType.Cold;
                    data[i]["mode"] = "markers";
                    data[i]["marker"] = new JsonObject { ["color"] = FigurePrintStyle.ColourOf(traces[i].StartType), ["symbol"] = cold ? "x" : "circle", ["size"] = cold ? 9 : 5 };
                    data[i]["legendgroup"] = traces[i].StartType.ToName();
                    data[i]["showlegend"] = traces.FindIndex(t => t.StartType == traces[i].StartType) == i;
                }

                SmallMultiples.Apply(figure, samples.Strata.Select(s => s.Stratum).ToList(), traces.Select(t => t.Panel).ToList());
            });
    }

    /// <summary>1-based positions and durations; above the limit, the median position and duration of each bucket of consecutive ones.</summary>
    public static (double[] X, double[] Y) DriftPoints(int[] positions, double[] durations)
    {
        if (positions.Length <= DriftPointsLimit)
        {
            return (positions.Select(p => p + 1.0).ToArray(), positions.Select(p => durations[p]).ToArray());
        }

        var size = (positions.Length + DriftBuckets - 1) / DriftBuckets;
        var buckets = positions.Chunk(size).ToList();
        return (buckets.Select(b => Percentiles.Linear(b.Select(p => p + 1.0).ToArray(), 50)).ToArray(),
                buckets.Select(b => Percentiles.Linear(b.Select(p => durations[p]).Order().ToArray(), 50)).ToArray());
    }
}
