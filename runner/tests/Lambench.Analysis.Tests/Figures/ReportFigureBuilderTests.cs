using System.Text.Json;
using Lambench.Analysis.Figures;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Summary;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Figures;

public class ReportFigureBuilderTests
{
    private static IReadOnlyList<ReportFigure> SampleFigures(ReportLanguage language)
    {
        var invocations = InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv);
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(invocations);
        return new ReportFigureBuilder(language).Build(summary, invocations);
    }

    private static JsonElement Data(ReportFigure figure) => JsonDocument.Parse(figure.FigureJson).RootElement.GetProperty("data");

    [Fact]
    public void A_large_group_is_drawn_from_precomputed_statistics_so_the_figure_does_not_grow_with_n()
    {
        // 12,000 successful warm invocations of 0, 0.5, … 5999.5 ms, a timeout (left out), and a small group of 10.
        // numpy: np.percentile(v, [25, 50, 75]) = 1499.875, 2999.75, 4499.625; Tukey's upper whisker: the largest value
        // ≤ q3 + 1.5 IQR = 8999.25 is the maximum 5999.5; the lower one the minimum 0.
        var large = Enumerable.Range(0, 12_000).Select(i => new Lambench.Core.Records.InvocationRecord { Configuration = "big", RequestId = $"b{i}", DurationMs = i * 0.5 })
            .Append(new Lambench.Core.Records.InvocationRecord { Configuration = "big", RequestId = "timeout", DurationMs = 900_000, Status = Lambench.Core.Records.InvocationStatus.Timeout });
        var small = Enumerable.Range(0, 10).Select(i => new Lambench.Core.Records.InvocationRecord { Configuration = "small", RequestId = $"s{i}", DurationMs = 10 + i });
        var invocations = large.Concat(small).ToList();
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(invocations);
        var distribution = new ReportFigureBuilder(ReportLanguage.English).Build(summary, invocations).Single(f => f.Id == "distribution");

        Assert.True(distribution.FigureJson.Length < 20_000, $"{distribution.FigureJson.Length} characters");
        var traces = Data(distribution).EnumerateArray().ToList();
        var big = traces.Single(t => t.GetProperty("name").GetString() == "big (warm)");
        Assert.False(big.TryGetProperty("x", out _)); // no values: the box is drawn from q1, median, q3 and the fences
        Assert.Equal("big (warm)", big.GetProperty("y")[0].GetString());
        Assert.Equal((1499.875, 2999.75, 4499.625), (big.GetProperty("q1")[0].GetDouble(), big.GetProperty("median")[0].GetDouble(), big.GetProperty("q3")[0].GetDouble()));
        Assert.Equal((0.0, 5999.5), (big.GetProperty("lowerfence")[0].GetDouble(), big.GetProperty("upperfence")[0].GetDouble()));
        Assert.Equal(10, traces.Single(t => t.GetProperty("name").GetString() == "small (warm)").GetProperty("x").GetArrayLength());
    }

    [Fact]
    public void Builds_the_figures_with_the_expected_traces()
    {
        var figures = SampleFigures(ReportLanguage.English).ToDictionary(f => f.Id);
        // The sample has 10 invocations of one configuration: too few for a p95 (n ≥ 20), so no cost-against-p95
        // figure, and one configuration makes no runtime × architecture grid.
        Assert.Equal(["percentiles", "distribution", "ecdf", "histogram", "drift", "cold-vs-warm", "cost", "price-performance"], figures.Keys);

        var percentiles = Assert.Single(Data(figures["percentiles"]).EnumerateArray());
        // At −log10(1 − q), labelled p50 … p99: 0.30103, 1, 1.30103, 2 by hand.
        Assert.Equal([0.30103, 1, 1.30103, 2], percentiles.GetProperty("x").EnumerateArray().Select(x => Math.Round(x.GetDouble(), 5)));
        var axis = JsonDocument.Parse(figures["percentiles"].FigureJson).RootElement.GetProperty("layout").GetProperty("xaxis");
        Assert.Equal(["p50", "p90", "p95", "p99"], axis.GetProperty("ticktext").EnumerateArray().Select(x => x.GetString()));
        // Warm starts only: 3001.53, 3003.35, 3003.55, 3003.57, 3003.64 -> p50 3003.55 by hand.
        Assert.Equal(3003.55, percentiles.GetProperty("y")[0].GetDouble(), 9);

        var boxes = Data(figures["distribution"]).EnumerateArray().ToList();
        Assert.Equal(["order-processor-lambda (warm)", "order-processor-lambda (cold)"], boxes.Select(b => b.GetProperty("name").GetString()));
        // Turned for print: the values along x, one row per stratum, no legend repeating the axis.
        Assert.All(boxes, b => Assert.Equal((5, "h"), (b.GetProperty("x").GetArrayLength(), b.GetProperty("orientation").GetString())));
        Assert.All(boxes, b => Assert.Equal("all", b.GetProperty("boxpoints").GetString()));
        Assert.False(JsonDocument.Parse(figures["distribution"].FigureJson).RootElement.GetProperty("layout").GetProperty("showlegend").GetBoolean());

        var stacked = Data(figures["cold-vs-warm"]).EnumerateArray().ToList();
        Assert.Equal(2, stacked.Count);
        Assert.Equal(59.932, stacked[1].GetProperty("x")[1].GetDouble(), 9); // the Init share of the cold bar
        Assert.Equal("/", stacked[1].GetProperty("marker").GetProperty("pattern").GetProperty("shape").GetString()); // readable in grayscale
        Assert.Equal("stack", JsonDocument.Parse(figures["cold-vs-warm"].FigureJson).RootElement.GetProperty("layout").GetProperty("barmode").GetString());

        var cost = Assert.Single(Data(figures["cost"]).EnumerateArray());
        // Warm invocations without a declared cold share: the hand computation of ConfigurationSummarizerTests.
        Assert.Equal(25.23005006, cost.GetProperty("x")[0].GetDouble(), 9);
    }

    [Fact]
    public void Portuguese_figures_have_portuguese_titles_and_decimal_commas()
    {
        var figure = SampleFigures(ReportLanguage.BrazilianPortuguese).Single(f => f.Id == "percentiles");
        var layout = JsonDocument.Parse(figure.FigureJson).RootElement.GetProperty("layout");
        Assert.Equal(",.", layout.GetProperty("separators").GetString());
        Assert.Equal("Percentis de duração das partidas quentes por configuração", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Without_prices_there_are_no_cost_figures()
    {
        var invocations = InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv).Select(i => i with { Architecture = null }).ToList();
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(invocations);
        Assert.Equal(["percentiles", "distribution", "ecdf", "histogram", "drift", "cold-vs-warm"], new ReportFigureBuilder(ReportLanguage.English).Build(summary, invocations).Select(f => f.Id));
    }
}
