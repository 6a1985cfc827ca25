using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tests.Report;

/// <summary>The generated Methods paragraph says what the report did, with counts taken from the input, in both languages.</summary>
public class MethodsParagraphTests
{
    private static readonly PriceCatalog Prices = PriceCatalogLoader.Load();

    private static List<InvocationRecord> Rows(string configuration, string architecture, int timeouts) =>
        Enumerable.Range(0, 30).Select(i => new InvocationRecord
        {
            Configuration = configuration, RequestId = $"{configuration}-{i}", DurationMs = 10 + i, BilledDurationMs = 11 + i, MemorySizeMb = 512,
            Architecture = architecture, Runtime = "python3.12", Platform = "aws",
            Status = i < timeouts ? InvocationStatus.Timeout : InvocationStatus.Success,
        }).ToList();

    [Fact]
    public void Counts_exclusions_tests_and_prices_as_the_report_did_them()
    {
        // 60 invocations, 3 + 1 timeouts, one architecture pair: comparisons on 3 metrics (all, warm, and no cold rows).
        var input = Rows("arm", "arm64", 3).Concat(Rows("x86", "x86_64", 1)).ToList();
        var summary = new ConfigurationSummarizer(new LambdaCostModel(Prices)).Summarise(input);
        var english = string.Join(' ', MethodsParagraph.Sentences(summary, Prices, ReportLanguage.English));
        Assert.Contains("The analysis covers 60 invocations of 2 configuration(s) (arm: n = 27; x86: n = 29 successful)", english);
        Assert.Contains("4 invocation(s) ended in an error (0) or a timeout (4)", english);
        Assert.Contains($"p-values were adjusted with Holm's step-down method over all {summary.Comparisons.Count} rows", english);
        Assert.Contains("us-east-1 list prices of 2026-11-23 (data/prices/us-east-1.yaml)", english);
        Assert.Contains("intervals describe the variation within that session", english);

        var portuguese = string.Join(' ', MethodsParagraph.Sentences(summary, Prices, ReportLanguage.BrazilianPortuguese));
        Assert.Contains("A análise cobre 60 invocações de 2 configuração(ões)", portuguese);
        Assert.Contains("ajustados pelo método sequencial de Holm", portuguese);
    }

    [Fact]
    public void Describes_the_dynamodb_calls_the_functions_timed_only_where_there_are_any()
    {
        var input = Rows("arm", "arm64", 0);
        var summary = new ConfigurationSummarizer(new LambdaCostModel(Prices)).Summarise(input);
        Assert.DoesNotContain("DynamoDB", string.Join(' ', MethodsParagraph.Sentences(summary, Prices, ReportLanguage.English)));

        // Two writes and 1,500 reads, counted per operation as operations.csv gives them.
        var operations = input.Take(2).Select(r => Operation(r, "BatchWriteItem", 0))
            .Concat(Enumerable.Range(0, 1500).Select(i => Operation(input[i % 30], "GetItem", i)))
            .ToList();
        var summaries = Lambench.Analysis.Operations.OperationSummary.Of(operations, input);
        Assert.Contains("each DynamoDB call (BatchWriteItem: 2, GetItem: 1,500) was timed by the function itself", string.Join(' ', MethodsParagraph.Sentences(summary, Prices, ReportLanguage.English, summaries)));
        Assert.Contains("cada chamada ao DynamoDB (BatchWriteItem: 2, GetItem: 1.500) foi cronometrada pela própria função", string.Join(' ', MethodsParagraph.Sentences(summary, Prices, ReportLanguage.BrazilianPortuguese, summaries)));
    }

    private static OperationRecord Operation(InvocationRecord invocation, string operation, int sequence) => new()
    {
        Configuration = invocation.Configuration, RequestId = invocation.RequestId, Operation = operation, Sequence = sequence,
        LatencyMs = 1, Items = 1, Bytes = 100, Attempts = 1, Throttles = 0,
    };

    [Fact]
    public void Says_so_when_nothing_was_compared()
    {
        var summary = new ConfigurationSummarizer(new LambdaCostModel(Prices)).Summarise(Rows("arm", "arm64", 0));
        Assert.Contains("so none was compared", string.Join(' ', MethodsParagraph.Sentences(summary, Prices, ReportLanguage.English)));
    }
}
