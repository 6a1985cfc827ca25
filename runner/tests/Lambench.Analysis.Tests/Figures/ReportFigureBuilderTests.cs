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
    public void Builds_the_five_figures_with_the_expected_traces()
    {
        var figures = SampleFigures(ReportLanguage.English).ToDictionary(f => f.Id);
        // The sample has 10 invocations a configuration: too few for a p95 (n ≥ 20), so no cost-against-p95 figure.
        Assert.Equal(["percentiles", "distribution", "cold-vs-warm", "cost"], figures.Keys);

        var percentiles = Assert.Single(Data(figures["percentiles"]).EnumerateArray());
        Assert.Equal(["p50", "p90", "p95", "p99"], percentiles.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(3003.56, percentiles.GetProperty("y")[0].GetDouble(), 9);

        var boxes = Data(figures["distribution"]).EnumerateArray().ToList();
        Assert.Equal(["order-processor-lambda (warm)", "order-processor-lambda (cold)"], boxes.Select(b => b.GetProperty("name").GetString()));
        Assert.All(boxes, b => Assert.Equal(5, b.GetProperty("y").GetArrayLength()));
        Assert.All(boxes, b => Assert.Equal("all", b.GetProperty("boxpoints").GetString()));

        var stacked = Data(figures["cold-vs-warm"]).EnumerateArray().ToList();
        Assert.Equal(2, stacked.Count);
        Assert.Equal(59.932, stacked[1].GetProperty("y")[1].GetDouble(), 9); // the Init share of the cold bar
        Assert.Equal("stack", JsonDocument.Parse(figures["cold-vs-warm"].FigureJson).RootElement.GetProperty("layout").GetProperty("barmode").GetString());

        var cost = Assert.Single(Data(figures["cost"]).EnumerateArray());
        Assert.Equal(25.484217235, cost.GetProperty("y")[0].GetDouble(), 9);
    }

    [Fact]
    public void Portuguese_figures_have_portuguese_titles_and_decimal_commas()
    {
        var figure = SampleFigures(ReportLanguage.BrazilianPortuguese).Single(f => f.Id == "percentiles");
        var layout = JsonDocument.Parse(figure.FigureJson).RootElement.GetProperty("layout");
        Assert.Equal(",.", layout.GetProperty("separators").GetString());
        Assert.Equal("Percentis de duração por configuração", layout.GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void Without_prices_there_are_no_cost_figures()
    {
        var invocations = InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv).Select(i => i with { Architecture = null }).ToList();
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(invocations);
        Assert.Equal(["percentiles", "distribution", "cold-vs-warm"], new ReportFigureBuilder(ReportLanguage.English).Build(summary, invocations).Select(f => f.Id));
    }
}
