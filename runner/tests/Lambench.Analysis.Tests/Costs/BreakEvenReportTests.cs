using System.Globalization;
using System.Text.Json.Nodes;
using Lambench.Analysis.Costs;
using Lambench.Core.Cost;
using Lambench.Core.Records;

namespace Lambench.Analysis.Tests.Costs;

/// <summary>
/// The break-even report from invocations: what it takes from them (warm, successful: mean Billed Duration and mean
/// Duration, recomputed here with LINQ), the crossing in the table, the CSV and the figure, and the caveats.
/// </summary>
public sealed class BreakEvenReportTests
{
    /// <summary>A 512 MB x86_64 step: 10 warm invocations billed 3,000 + k ms (k = 0..9) lasting 2,999.5 + k ms, one cold, one failed.</summary>
    private static List<InvocationRecord> Records(string platform) =>
    [
        .. Enumerable.Range(0, 10).Select(k => Record($"w{k}", 2999.5 + k, 3000 + k, platform)),
        Record("cold", 3100, 3200, platform) with { InitDurationMs = 80 },
        Record("failed", 10, 11, platform) with { Status = InvocationStatus.Error },
    ];

    private static InvocationRecord Record(string id, double duration, double billed, string platform) => new()
    {
        Configuration = "pay-go", Runtime = "go", Architecture = "x86_64", MemorySizeMb = 512, Platform = platform,
        RequestId = id, DurationMs = duration, BilledDurationMs = billed,
    };

    [Fact]
    public void The_crossing_comes_from_the_warm_successful_invocations_and_the_figure_marks_it()
    {
        var records = Records("local");
        var result = new BreakEvenReport(PriceCatalogLoader.Load(), new FargateTaskSizing(), ReportLanguage.English, withFreeTier: false).Build(records);

        var warm = records.Where(r => r.InitDurationMs is null && r.Status == InvocationStatus.Success).ToList();
        var point = Assert.Single(result.Points).Point;
        Assert.Equal((decimal)warm.Average(r => r.BilledDurationMs!.Value), point.BilledDurationMs); // 3,004.5
        Assert.Equal((decimal)warm.Average(r => r.DurationMs), point.ServiceTimeMs); // 3,004
        // Lambda at 3,004.5 ms × 0.5 GB: 1.50225 GB-s × 0.0000166667 + 0.0000002 = 0.000025237550 USD a request; one task
        // (9.010025 USD) is reached at 9.010025 / 0.00002523755 = 357,008.7 → 357,009 requests a month.
        Assert.Equal(357_009m, point.RequestsPerMonth);

        var figure = JsonNode.Parse(result.Figure!.FigureJson)!;
        Assert.Equal("log", figure["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        var crossing = figure["data"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "pay-go: break-even")!;
        Assert.Equal(357_009, crossing["x"]![0]!.GetValue<double>());
        Assert.Equal(9.010025, crossing["y"]![0]!.GetValue<double>(), 9);
        // The caveats stand beside the figure (its caption) and under the table, the local platform's among them.
        Assert.All(result.Caveats, c => Assert.Contains(c, result.Figure.Caption));
        Assert.Contains(result.Caveats, c => c.Contains("not AWS figures", StringComparison.Ordinal));
        Assert.Contains(result.Caveats, c => c.Contains("scaling granularity", StringComparison.Ordinal));
        Assert.Equal(result.Caveats, result.Table.Legend);
    }

    [Fact]
    public void The_csv_has_units_in_its_column_names_and_invariant_numbers_and_the_table_reads_in_portuguese()
    {
        var result = new BreakEvenReport(PriceCatalogLoader.Load(), new FargateTaskSizing(), ReportLanguage.BrazilianPortuguese, withFreeTier: false).Build(Records("aws"));

        var row = result.Sheet.Headers.Zip(result.Sheet.Rows[0]).ToDictionary(p => p.First, p => p.Second.Format(CultureInfo.InvariantCulture.NumberFormat));
        Assert.Equal(("3004.5", "357009", "9.010025"), (row["billed_duration_mean_ms"], row["break_even_requests_per_month"], row["task_usd_per_month"]));
        Assert.Equal("Equilíbrio (requisições ao mês)", result.Table.Columns[5].Header);
        Assert.Equal("357.009", result.Table.Rows[0][5]);
        Assert.DoesNotContain(result.Caveats, c => c.Contains("local", StringComparison.Ordinal));
    }
}
