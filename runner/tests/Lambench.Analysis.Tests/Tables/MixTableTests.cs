using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Summary;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Tables;

/// <summary>
/// A declared cold share adds mix rows to the latency and cost tables, prices the account's month at it and is named
/// in the notes and the Methods paragraph; without one, nothing is pooled and monthly costs are warm. The sample's cold
/// share is 50 %: at 0.5 the mix row's cost must be the hand-computed pooled cost of ConfigurationSummarizerTests.
/// </summary>
public sealed class MixTableTests
{
    private static SummaryResult Summary(double? coldShare) =>
        new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load()), coldShare: coldShare).Summarise(InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv));

    [Theory]
    [InlineData("en", "| order-processor-lambda | mix | 10 | 3,033.64 |", "| All configurations (1), one account | mix |", "declared cold share of 50.0 %")]
    [InlineData("pt-BR", "| order-processor-lambda | mistura | 10 | 3.033,64 |", "| Todas as configurações (1), uma conta | mistura |", "parcela de partidas a frio declarada de 50,0 %")]
    public void Mix_rows_appear_in_latency_and_cost_and_the_share_is_named(string code, string latencyRow, string accountRow, string named)
    {
        var language = ReportLanguage.Parse(code);
        var summary = Summary(0.5);
        var tables = new ReportTableBuilder(language, PriceCatalogLoader.Load());
        var latency = AnalysisMarkdown(tables.Latency(summary));
        // The mean of the ten pooled latencies, warm Duration and cold Duration + Init: 30336.44 / 10 by hand.
        Assert.Contains(latencyRow, latency);
        Assert.Contains(named, latency);
        var cost = AnalysisMarkdown(tables.Cost(summary));
        Assert.Contains(accountRow, cost);
        Assert.Contains(language.Fixed(25.4842, 4), cost); // the pooled cost per million, by hand in ConfigurationSummarizerTests
        Assert.Contains(named, string.Join(' ', MethodsParagraph.Sentences(summary, PriceCatalogLoader.Load(), language)));
    }

    [Fact]
    public void Without_a_declared_share_there_is_no_mix_and_the_month_is_warm()
    {
        var summary = Summary(null);
        var tables = new ReportTableBuilder(ReportLanguage.English, PriceCatalogLoader.Load());
        Assert.DoesNotContain("| mix |", AnalysisMarkdown(tables.Latency(summary)));
        Assert.Contains("| All configurations (1), one account | warm |", AnalysisMarkdown(tables.Cost(summary)));
        Assert.Contains("monthly costs assume warm invocations", string.Join(' ', MethodsParagraph.Sentences(summary, PriceCatalogLoader.Load(), ReportLanguage.English)));
    }

    private static string AnalysisMarkdown(ReportTable table) => new MarkdownTableExporter().Export(table);
}
