using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Core.Processes;
using Lambench.Core.Records;

namespace Lambench.Analysis.Tests.Spreadsheets;

/// <summary>
/// What a Brazilian student's spreadsheet makes of the report: LibreOffice (headless, Debian's libreoffice-calc-nogui)
/// imports report.xlsx and every pt-BR CSV with the pt-BR locale (1046) and writes them back as en-US CSV; every cell
/// must equal the invariant CSV's. The invariant CSV read the same way is the trap this guards against: 3003.128
/// becomes 3003128, since '.' groups thousands in pt-BR.
/// </summary>
[Trait("Tier", "system")]
public sealed class SpreadsheetImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-sheets-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Two runtimes, three rounds of 2 cold and 12 warm with three-decimal-looking values and one timeout.</summary>
    private static List<InvocationRecord> Records() =>
        (from runtime in new[] { ("go", 1.0), ("python", 2.5) }
         from round in Enumerable.Range(1, 3)
         from k in Enumerable.Range(0, 14)
         select new InvocationRecord
         {
             Configuration = $"{runtime.Item1}-x86_64", Runtime = runtime.Item1, Architecture = "x86_64", MemorySizeMb = 512, Platform = "local",
             RequestId = $"{runtime.Item1}-{round}-{k}", DurationMs = Math.Round(runtime.Item2 * (24.035 + 3 * Math.Sin(k + round)), 2), BilledDurationMs = 30,
             InitDurationMs = k < 2 ? Math.Round(runtime.Item2 * (100.5 + k + round), 2) : null, Round = round, Label = "sort-2k", Repetition = k,
             Status = runtime.Item1 == "go" && round == 2 && k == 13 ? InvocationStatus.Timeout : InvocationStatus.Success,
         }).ToList();

    [Fact]
    public async Task The_workbook_and_the_pt_BR_csvs_import_under_pt_BR_as_the_invariant_csvs_say()
    {
        var soffice = ExecutableSearch.OnPath("soffice") ?? throw new InvalidOperationException("soffice is not on PATH: apt-get install libreoffice-calc-nogui");
        var report = Path.Combine(_directory, "report");
        await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(Records(), ["x.csv"], new ReportOptions { OutputDirectory = report, StaticFigures = false, Language = ReportLanguage.BrazilianPortuguese, ColdShare = 0.05 });
        var tables = new[] { "summary", "comparisons", "rounds" };

        Convert(soffice, [Path.Combine(report, "report.xlsx")], "xlsx", null, sheets: true);
        // One LibreOffice start for the three files: each start takes seconds.
        Convert(soffice, [.. tables.Select(t => Path.Combine(report, t + ".pt-BR.csv"))], "pt-BR", "Text - txt - csv (StarCalc):59,34,76,1,,1046,false,true", sheets: false);
        foreach (var table in tables)
        {
            var expected = Read(Path.Combine(report, table + ".csv"));
            Assert.True(expected.Count > 1 && expected[0].Length > 5, table + ".csv is empty");
            AssertSameCells(expected, Read(Path.Combine(_directory, "xlsx", $"report-{table}.csv")), $"report.xlsx sheet {table}");
            AssertSameCells(expected, Read(Path.Combine(_directory, "pt-BR", table + ".pt-BR.csv")), table + ".pt-BR.csv");
        }

        // The trap, to show the comparison can fail: the invariant file read as pt-BR multiplies three-decimal values.
        Convert(soffice, [Path.Combine(report, "summary.csv")], "trap", "Text - txt - csv (StarCalc):44,34,76,1,,1046,false,true", sheets: false);
        Assert.ThrowsAny<Exception>(() => AssertSameCells(Read(Path.Combine(report, "summary.csv")), Read(Path.Combine(_directory, "trap", "summary.csv")), "trap"));
    }

    /// <summary>LibreOffice writes <paramref name="inputs"/> as en-US CSV (full precision, every sheet when asked) into a folder of its own.</summary>
    private void Convert(string soffice, string[] inputs, string folder, string? importFilter, bool sheets)
    {
        var start = new ProcessStartInfo(soffice) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add($"-env:UserInstallation=file://{Path.Combine(_directory, "profile")}");
        start.ArgumentList.Add("--headless");
        if (importFilter is not null)
        {
            start.ArgumentList.Add("--infilter=" + importFilter);
        }

        // Export: ',' '"' UTF-8, from line 1, en-US numbers, cells as stored (not as shown), and -1: every sheet.
        start.ArgumentList.Add("--convert-to");
        start.ArgumentList.Add("csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false" + (sheets ? ",-1" : string.Empty));
        start.ArgumentList.Add("--outdir");
        start.ArgumentList.Add(Path.Combine(_directory, folder));
        foreach (var input in inputs)
        {
            start.ArgumentList.Add(input);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "soffice did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"soffice exited {process.ExitCode}: {output.Result} {error.Result}");
    }

    private static List<string[]> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = CsvReader.Create(reader, new CsvReaderOptions { HasHeader = false, FormatProvider = CultureInfo.InvariantCulture });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i) ?? string.Empty).ToArray());
        }

        return rows;
    }

    private static void AssertSameCells(List<string[]> expected, List<string[]> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var r = 0; r < expected.Count; r++)
        {
            for (var c = 0; c < expected[r].Length; c++)
            {
                var (e, a) = (expected[r][c].TrimStart('\uFEFF'), c < actual[r].Length ? actual[r][c].TrimStart('\uFEFF') : string.Empty);
                var where = $"{what}, line {r + 1}, column {expected[0][c]}";
                if (double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && r > 0)
                {
                    Assert.True(double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var read), $"{where}: '{a}' is not the number {e}");
                    Assert.True(Math.Abs(read - number) <= 1e-12 * Math.Max(1, Math.Abs(number)), $"{where}: {a} instead of {e}");
                }
                else
                {
                    Assert.True(e == a, $"{where}: '{a}' instead of '{e}'");
                }
            }
        }
    }
}
