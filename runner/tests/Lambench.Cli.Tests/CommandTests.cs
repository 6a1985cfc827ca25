using Lambench.Tests.Shared;
using Spectre.Console.Testing;

namespace Lambench.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int Exit, string Console, string Output)> Run(params string[] args)
    {
        var console = new TestConsole { Profile = { Width = 400 } };
        var output = new StringWriter();
        var exit = await LambenchApplication.RunAsync(args, console, output, output);
        return (exit, console.Output, output.ToString());
    }

    [Fact]
    public async Task Ingest_writes_the_csv_and_a_one_line_summary()
    {
        var csv = Path.Combine(_directory, "out", "invocations.csv");
        var (exit, console, _) = await Run("ingest", RepositoryPaths.Fixture("raw-cli-tail.log"), "--out", csv, "--architecture", "arm64", "--runtime", "python3.12", "--configuration", "py-arm64");
        Assert.Equal(0, exit);
        Assert.Contains("2 invocations from 2 REPORT lines in 1 file(s); 0 unreadable REPORT lines rejected; 7 other lines skipped", console);
        var lines = File.ReadAllLines(csv);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("py-arm64,,python3.12,arm64,128,cold,22222222-0000-0000-0000-000000000001,2024-06-01T12:00:01.2Z,1093.52,1094,412.07,", lines[1]);
    }

    [Fact]
    public async Task Ingest_of_a_bad_file_names_file_and_line_and_writes_nothing()
    {
        // --strict: an unreadable REPORT line is an error (without it, the line is rejected and listed; see IngestCommandTests).
        var csv = Path.Combine(_directory, "invocations.csv");
        var bad = RepositoryPaths.Fixture("malformed-report.log");
        var (exit, console, _) = await Run("ingest", RepositoryPaths.Fixture("raw-cli-tail.log"), bad, "--out", csv, "--strict");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: {bad}: line 3: REPORT line for 88888888-0000-0000-0000-000000000001 has no Duration", console);
        Assert.False(File.Exists(csv));
        Assert.Empty(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task Ingest_refuses_an_unknown_architecture()
    {
        var (exit, _, output) = await Run("ingest", RepositoryPaths.Fixture("raw-cli-tail.log"), "--out", Path.Combine(_directory, "x.csv"), "--architecture", "sparc");
        Assert.NotEqual(0, exit);
        Assert.Contains("sparc", output);
        Assert.Contains("arm64", output);
    }

    [Fact]
    public async Task Report_on_the_sample_writes_the_report()
    {
        var (exit, console, _) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--no-static-figures", "--lang", "pt-BR");
        Assert.Equal(0, exit);
        Assert.Contains("Computing statistics and costs", console);
        Assert.Contains("Report written", console);
        Assert.Contains("10 invocations, 1 configuration(s)", console);
        Assert.Contains("Custo do Lambda por configuração", await File.ReadAllTextAsync(Path.Combine(_directory, "tables", "cost.md")));
        Assert.False(File.Exists(Path.Combine(_directory, "figures", "cost.svg")));
    }

    [Fact]
    public async Task Report_accepts_a_raw_log_and_says_it_ingested_it()
    {
        var (exit, console, _) = await Run("report", RepositoryPaths.Fixture("raw-cli-tail.log"), "--out", _directory, "--no-static-figures");
        Assert.Equal(0, exit);
        Assert.Contains("is a log file: 2 invocations", console);
        Assert.Contains("architecture unknown", console);
    }

    [Fact]
    public async Task Report_prices_sa_east_1_and_every_cost_says_which_figures_are_unconfirmed()
    {
        var (exit, console, _) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--region", "sa-east-1", "--no-static-figures");
        Assert.True(exit == 0, console);
        var cost = File.ReadAllText(Path.Combine(_directory, "tables", "cost.md"));
        // The cost table prices Lambda alone, so it names the Lambda figures only.
        Assert.Contains("Unconfirmed price: lambda.compute.arm64, lambda.compute.x86_64, lambda.requests for sa-east-1", cost);
        Assert.Contains("(sa-east-1: unconfirmed price)", File.ReadAllText(Path.Combine(_directory, "figures", "cost.json"))); // in the title, so SVG and PNG carry it
        Assert.Contains("data/prices/sa-east-1.yaml", cost);
        Assert.Contains("Unconfirmed price for sa-east-1", File.ReadAllText(Path.Combine(_directory, "index.html")));
    }

    [Fact]
    public async Task Report_on_a_region_without_a_price_file_uses_us_east_1_marked_unconfirmed_and_refuses_a_bad_name()
    {
        var (exit, console, _) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--region", "eu-west-3", "--no-static-figures");
        Assert.True(exit == 0, console);
        var cost = File.ReadAllText(Path.Combine(_directory, "tables", "cost.md"));
        Assert.Contains("Unconfirmed price: all figures for eu-west-3", cost);
        Assert.Contains("standing in for eu-west-3", cost);

        var bad = Path.Combine(_directory, "bad");
        (exit, console, _) = await Run("report", RepositoryPaths.SampleCsv, "--out", bad, "--region", "example.com#");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("'example.com#' is not a region name", console);
        Assert.False(File.Exists(Path.Combine(bad, "summary.csv")));
    }

    [Theory]
    [InlineData("5%")]
    [InlineData("0.05")]
    public async Task Report_with_a_declared_cold_share_adds_the_mix_rows(string share)
    {
        var (exit, _, _) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--no-static-figures", "--cold-share", share);
        Assert.Equal(0, exit);
        var summary = File.ReadAllLines(Path.Combine(_directory, "summary.csv"));
        var header = summary[0].Split(',').ToList();
        var mix = summary.Select(l => l.Split(',')).Single(c => c[2] == "mix");
        Assert.Equal("0.05", mix[header.IndexOf("cold_start_rate")]);
        // numpy's weighted mean of the sample at 5 % cold, 3006.1796 (ConfigurationSummarizerTests), to the CSV's 3 decimals.
        Assert.Equal("3006.18", mix[header.IndexOf("mean_duration_ms")]);
        Assert.Contains("declared cold share of 5.0 %", File.ReadAllText(Path.Combine(_directory, "tables", "latency.md")));
    }

    [Theory]
    [InlineData("5,0")]
    [InlineData("150%")]
    [InlineData("-0.1")]
    public async Task Report_refuses_a_cold_share_that_is_no_share_in_one_line(string share)
    {
        var (exit, console, output) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--cold-share", share);
        Assert.NotEqual(0, exit);
        Assert.Contains($"--cold-share: '{share}' is not a share of cold starts from 0 to 1 (0.05) or 0% to 100% (5%), '.' for decimals", console + output);
        Assert.DoesNotContain("   at ", console + output);
    }

    [Fact]
    public async Task Report_takes_a_monthly_volume_in_exponent_notation_and_refuses_grouped_digits_in_one_line()
    {
        var (exit, _, _) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--no-static-figures", "--monthly-invocations", "5e6");
        Assert.Equal(0, exit);
        var summary = File.ReadAllLines(Path.Combine(_directory, "summary.csv"));
        Assert.Equal("5000000", summary[1].Split(',')[summary[0].Split(',').ToList().IndexOf("monthly_invocations")]);

        foreach (var bad in new[] { "5.000.000", "5,000,000", "-3", "2.5e0", "lots" })
        {
            var (badExit, console, output) = await Run("report", RepositoryPaths.SampleCsv, "--out", _directory, "--monthly-invocations", bad);
            Assert.NotEqual(0, badExit);
            Assert.Contains($"--monthly-invocations: '{bad}' is not a whole number of invocations from 0", console + output);
            Assert.DoesNotContain("   at ", console + output);
        }
    }

    [Fact]
    public async Task Report_takes_a_run_directory_and_wildcards_and_names_what_is_missing()
    {
        // data/sample holds an invocations.csv, as a run directory does.
        var (exit, console, _) = await Run("report", Path.GetDirectoryName(RepositoryPaths.SampleCsv)!, "--out", Path.Combine(_directory, "by-directory"), "--no-static-figures");
        Assert.Equal(0, exit);
        Assert.Contains("10 invocations", console);

        var split = Path.Combine(_directory, "split");
        Directory.CreateDirectory(split);
        var lines = File.ReadAllLines(RepositoryPaths.SampleCsv);
        File.WriteAllLines(Path.Combine(split, "invocations-a.csv"), lines.Take(6));
        File.WriteAllLines(Path.Combine(split, "invocations-b.csv"), lines.Take(1).Concat(lines.Skip(6)));
        (exit, console, _) = await Run("report", Path.Combine(split, "invocations-*.csv"), "--out", Path.Combine(_directory, "by-wildcard"), "--no-static-figures");
        Assert.Equal(0, exit);
        Assert.Contains("10 invocations", console);

        (exit, console, _) = await Run("report", Path.Combine(split, "none-*.csv"), "--out", Path.Combine(_directory, "none"), "--no-static-figures");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: {Path.Combine(split, "none-*.csv")}: no file matches", console);
        (exit, console, _) = await Run("report", _directory, "--out", Path.Combine(_directory, "none"), "--no-static-figures");
        Assert.Contains("a directory without invocations.csv", console);
    }

    [Fact]
    public async Task Report_on_a_csv_without_rows_says_so_in_one_line()
    {
        var empty = Path.Combine(_directory, "empty.csv");
        File.WriteAllText(empty, File.ReadLines(RepositoryPaths.SampleCsv).First() + "\n");
        var (exit, console, output) = await Run("report", empty, "--out", Path.Combine(_directory, "out"), "--no-static-figures");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"error: {empty}: no invocations (no rows, or no REPORT lines): nothing to report", console);
        Assert.DoesNotContain("   at ", console + output);
    }

    [Fact]
    public async Task Report_refuses_the_same_invocation_twice()
    {
        var (exit, console, _) = await Run("report", RepositoryPaths.SampleCsv, RepositoryPaths.SampleCsv, "--out", _directory);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("appears more than once in the inputs", console);
    }

    [Fact]
    public async Task Help_teaches_the_commands_and_their_options()
    {
        var (exit, _, output) = await Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("lambench ingest logs/*.log --out invocations.csv", output);
        Assert.Contains("report <inputs>", output);
        var (_, _, ingestHelp) = await Run("ingest", "--help");
        Assert.Contains("Logs Insights CSV exports", ingestHelp);
        Assert.Contains("--architecture <arm64|x86_64>", ingestHelp);
    }
}
