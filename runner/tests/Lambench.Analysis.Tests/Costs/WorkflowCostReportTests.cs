using System.Globalization;
using Lambench.Analysis.Costs;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Costs;

/// <summary>
/// The architecture's tables as a reader follows them: every row's quantity times its unit price is its cost (read
/// back from the written CSV and recomputed here), the rows add up to the total row, and pt-BR tables use decimal commas.
/// </summary>
public sealed class WorkflowCostReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-workflow-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Shipped => Path.Combine(RepositoryPaths.Root(), "architectures", "finops-workflow.yaml");

    [Fact]
    public void The_written_lines_recompute_to_their_costs_and_add_up_to_the_total()
    {
        var report = new WorkflowCostReport(ReportLanguage.English);
        var result = report.Build(Shipped);
        var files = report.Write(result, _directory);

        var lines = File.ReadAllLines(Path.Combine(_directory, "workflow_cost.csv"));
        var header = lines[0].Split(',').ToList();
        decimal At(string[] cells, string column) => decimal.Parse(cells[header.IndexOf(column)], NumberStyles.Float, CultureInfo.InvariantCulture);
        var total = 0m;
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            var recomputed = At(cells, "quantity") * At(cells, "unit_price_usd") / At(cells, "price_per_units");
            Assert.Equal((double)recomputed, (double)At(cells, "cost_usd"), 7);
            total += recomputed;
        }

        // 5.04817282 USD, worked out line by line in WorkflowCostModelTests.
        Assert.Equal(5.04817282, (double)total, 7);
        Assert.Equal("5.05", result.Tables[0].Rows[^1][^1]);
        Assert.Equal(16, lines.Length); // the header and 15 lines
        Assert.Contains(Path.Combine(_directory, "tables", "workflow-sensitivity.tex"), files);
        var sensitivity = File.ReadAllLines(Path.Combine(_directory, "workflow_sensitivity.csv"));
        Assert.Equal("multiplier,executions_per_month,step_functions_usd,lambda_usd,sqs_usd,s3_usd,cloudwatch_logs_usd,eventbridge_usd,total_usd", sensitivity[0]);
        Assert.StartsWith("1,3000,1.1,3.35834,", sensitivity[2], StringComparison.Ordinal); // USD to 8 significant digits (CsvCell)
    }

    [Fact]
    public void Portuguese_tables_and_prices_of_sao_paulo()
    {
        var result = new WorkflowCostReport(ReportLanguage.BrazilianPortuguese).Build(Shipped, region: "sa-east-1");

        var table = result.Tables[0];
        Assert.Equal("Custo mensal de finops-workflow com 3.000 execuções por mês", table.Caption);
        // São Paulo: 48,000 transitions × 0.0375 / 1,000 = 1.80 USD.
        var transitions = table.Rows.Single(r => r[1] == "finops-analysis: transições de estado");
        Assert.Equal(("48.000 transições", "0,0375 por 1.000", "1,80"), (transitions[2], transitions[3], transitions[4]));
        Assert.Contains(table.Legend, l => l.StartsWith("Preço não confirmado:", StringComparison.Ordinal) && l.Contains("s3.standard", StringComparison.Ordinal));
    }
}
