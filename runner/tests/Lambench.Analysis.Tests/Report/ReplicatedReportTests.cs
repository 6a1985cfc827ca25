using System.Globalization;
using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tests.Report;

/// <summary>
/// A report of a replicated run writes rounds.csv, the rounds table and the across-round comparison columns; the
/// per-round medians in rounds.csv are checked against the records grouped with LINQ and sorted here.
/// </summary>
public sealed class ReplicatedReportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-rounds-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>go and python, 4 rounds of 1 cold and 6 warm; round r adds 3·r ms, python is 1.5 times slower.</summary>
    private static List<InvocationRecord> Records() =>
        (from runtime in new[] { ("go", 1.0), ("python", 1.5) }
         from round in Enumerable.Range(1, 4)
         from k in Enumerable.Range(0, 7)
         select new InvocationRecord
         {
             Configuration = $"{runtime.Item1}-arm64", Runtime = runtime.Item1, Architecture = "arm64", MemorySizeMb = 1024, Platform = "aws",
             RequestId = $"{runtime.Item1}-{round}-{k}", DurationMs = runtime.Item2 * (20 + 3 * round + k * k), BilledDurationMs = 100,
             InitDurationMs = k == 0 ? 80 + round : null, Round = round, Repetition = k,
         }).ToList();

    private Task<ReportOutcome> Write(IReadOnlyList<InvocationRecord> records, ReportLanguage language) =>
        new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(records, ["x.csv"], new ReportOptions { OutputDirectory = _directory, StaticFigures = false, Language = language });

    [Fact]
    public async Task Rounds_csv_holds_every_rounds_median_and_summary_csv_the_round_as_the_unit()
    {
        var records = Records();
        await Write(records, ReportLanguage.English);

        var lines = File.ReadAllLines(Path.Combine(_directory, "rounds.csv"));
        Assert.Equal(string.Join(",", RoundCsvColumns.All.Select(c => c.Name)), lines[0]);
        Assert.Equal(2 * 2 * 4 + 1, lines.Length); // 2 configurations × warm and cold × 4 rounds
        var at = lines[0].Split(',').Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            var (configuration, startType, metric, round) = (cells[at["configuration"]], cells[at["start_type"]], cells[at["metric"]], int.Parse(cells[at["round"]], CultureInfo.InvariantCulture));
            var cold = startType == "cold";
            Assert.Equal(cold ? "init_duration_ms" : "duration_ms", metric);
            var values = records.Where(r => r.Configuration == configuration && r.Round == round && (r.InitDurationMs is not null) == cold)
                .Select(r => cold ? r.InitDurationMs!.Value : r.DurationMs).Order().ToArray();
            var median = values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
            Assert.Equal(values.Length, int.Parse(cells[at["n"]], CultureInfo.InvariantCulture));
            Assert.Equal(median, double.Parse(cells[at["median_ms"]], CultureInfo.InvariantCulture), 12);
        }

        var summary = File.ReadAllLines(Path.Combine(_directory, "summary.csv"));
        var header = summary[0].Split(',').ToList();
        var warm = summary.Select(l => l.Split(',')).Single(c => c[0] == "go-arm64" && c[2] == "warm");
        Assert.Equal("4", warm[header.IndexOf("rounds")]);
        // go's warm medians per round, by hand: 20 + 3r + 12.5 (the middle of k² for k = 1..6 is (9 + 16)/2), so 35.5, 38.5, 41.5, 44.5.
        Assert.Equal(40.0, double.Parse(warm[header.IndexOf("round_median_mean_ms")], CultureInfo.InvariantCulture), 12);
        Assert.NotEqual(string.Empty, warm[header.IndexOf("round_median_mean_ci95_low_ms")]);
        Assert.Equal(1 + 2 * 2, summary.Length); // warm and cold rows of two configurations

        var comparisons = File.ReadAllLines(Path.Combine(_directory, "comparisons.csv"));
        var comparisonHeader = comparisons[0].Split(',').ToList();
        var warmComparison = comparisons.Select(l => l.Split(',')).Single(c => c[comparisonHeader.IndexOf("start_type")] == "warm");
        Assert.Equal(1.5, double.Parse(warmComparison[comparisonHeader.IndexOf("round_median_ratio")], CultureInfo.InvariantCulture), 12);
        Assert.Equal("4", warmComparison[comparisonHeader.IndexOf("rounds_paired")]);
    }

    [Theory]
    [InlineData("en", "Variation between rounds (replicated runs)", "Across-round ratio", "replicated in 4 rounds")]
    [InlineData("pt-BR", "Variação entre rodadas (execuções replicadas)", "Razão entre rodadas", "replicado em 4 rodadas")]
    public async Task Tables_and_the_methods_paragraph_say_what_the_rounds_show(string code, string caption, string ratioColumn, string methods)
    {
        var language = ReportLanguage.Parse(code);
        await Write(Records(), language);

        var rounds = File.ReadAllText(Path.Combine(_directory, "tables", "rounds.md"));
        Assert.Contains(caption, rounds);
        Assert.Contains(language.Fixed(40.0, 2), rounds);
        Assert.Contains(ratioColumn, File.ReadAllText(Path.Combine(_directory, "tables", "comparisons.md")));
        Assert.Contains(methods, File.ReadAllText(Path.Combine(_directory, $"methods.{code}.md")));
        Assert.DoesNotContain("single session", File.ReadAllText(Path.Combine(_directory, "methods.en.md")));
    }

    [Fact]
    public async Task A_run_of_one_round_has_no_rounds_file_table_or_columns()
    {
        await Write(Records().Select(r => r with { Round = 1 }).ToList(), ReportLanguage.English);

        Assert.False(File.Exists(Path.Combine(_directory, "rounds.csv")));
        Assert.False(File.Exists(Path.Combine(_directory, "tables", "rounds.md")));
        Assert.DoesNotContain("Across-round", File.ReadAllText(Path.Combine(_directory, "tables", "comparisons.md")));
        Assert.Contains("single session", File.ReadAllText(Path.Combine(_directory, "methods.en.md")));
    }
}
