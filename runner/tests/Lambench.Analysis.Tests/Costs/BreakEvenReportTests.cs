using System.Globalization;
using System.Text.Json.Nodes;
using Lambench.Analysis.Costs;
using Lambench.Core.Cost;
using Lambench.Core.Records;

namespace Lambench.Analysis.Tests.Costs;

/// <summary>
/// The break-even report from invocations: what it takes from them (the mean Billed Duration of every warm invocation,
/// as billed, failures too; the mean Duration of the successful ones; both recomputed here with LINQ), the crossing in
/// the table, the CSV, the figure and summary.csv, and the caveats. Divisions by hand done with Python's decimal module.
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

        var warm = records.Where(r => r.InitDurationMs is null).ToList();
        var point = Assert.Single(result.Points).Point;
        Assert.Equal((decimal)warm.Average(r => r.BilledDurationMs!.Value), point.BilledDurationMs); // 30,056 / 11 = 2,732.36
        Assert.Equal((decimal)warm.Where(r => r.Status == InvocationStatus.Success).Average(r => r.DurationMs), point.ServiceTimeMs); // 3,004
        // Lambda at 2,732.3636 ms × 0.5 GB × 0.0000166667 + 0.0000002 = 0.0000229697425 USD a request; one task
        // (9.010025 USD) is reached at 9.010025 / 0.0000229697425 = 392,256.2 → 392,257 requests a month.
        Assert.Equal(392_257m, point.RequestsPerMonth);

        var figure = JsonNode.Parse(result.Figure!.FigureJson)!;
        Assert.Equal("log", figure["layout"]!["xaxis"]!["type"]!.GetValue<string>());
        var crossing = figure["data"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "pay-go: break-even")!;
        Assert.Equal(392_257, crossing["x"]![0]!.GetValue<double>());
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
        Assert.Equal(("2732.364", "392257", "9.010025"), (row["billed_duration_mean_ms"], row["break_even_requests_per_month"], row["task_usd_per_month"]));
        Assert.Equal("Equilíbrio (requisições ao mês)", result.Table.Columns[5].Header);
        Assert.Equal("392.257", result.Table.Rows[0][5]);
        Assert.DoesNotContain(result.Caveats, c => c.Contains("local", StringComparison.Ordinal));
    }

    [Fact]
    public void Summary_csv_carries_the_default_sizings_break_even_on_warm_rows()
    {
        var summary = new Lambench.Core.Summary.ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(Records("aws"));
        var sheet = Lambench.Analysis.Report.DataFileWriter.Sheets(summary).Single(s => s.Name == "summary");
        var column = sheet.Headers.ToList().IndexOf("fargate_break_even_requests_per_month");
        var startType = sheet.Headers.ToList().IndexOf("start_type");

        // The hand computation of the first test: 392,257 requests a month, on the warm row only.
        Assert.Equal("392257", sheet.Rows.Single(r => r[startType].Text == "warm")[column].Format(CultureInfo.InvariantCulture.NumberFormat));
        Assert.True(sheet.Rows.Single(r => r[startType].Text == "cold")[column].IsEmpty);
    }

    [Fact]
    public void A_configuration_that_mixes_memory_sizes_is_left_out_and_the_caveats_say_so()
    {
        // Priced as one, 512 MB rows billed 3,000 ms and 2,048 MB rows billed 800 ms would average 1,900 ms at 512 MB:
        // 0.95 GB-s a request where the rows hold 1.55 on average. The summary leaves such a configuration unpriced too.
        var mixed = Enumerable.Range(0, 4).Select(k => Record($"m{k}", 2999, 3000, "aws") with { Configuration = "mixed" })
            .Concat(Enumerable.Range(0, 4).Select(k => Record($"n{k}", 799, 800, "aws") with { Configuration = "mixed", MemorySizeMb = 2048 }));
        var result = new BreakEvenReport(PriceCatalogLoader.Load(), new FargateTaskSizing(), ReportLanguage.English).Build([.. Records("aws"), .. mixed]);

        Assert.Equal(["pay-go"], result.Points.Select(p => p.Point.Configuration));
        Assert.Contains("Left out, as they mix memory sizes or architectures: mixed.", result.Caveats);
        Assert.Equal(result.Caveats, result.Table.Legend);
    }
}
