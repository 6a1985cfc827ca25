using Lambench.Analysis.Scripting;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Scripting;

public class AnalysisSessionTests
{
    [Fact]
    public void Reads_inputs_and_options()
    {
        var session = AnalysisSession.FromArguments([RepositoryPaths.SampleCsv, "--lang", "pt-BR", "--monthly-invocations", "5000000", "--out", "x"]);
        Assert.Equal([RepositoryPaths.SampleCsv], session.Inputs);
        Assert.Equal((10, "pt-BR", 5_000_000L, "x"), (session.Invocations.Count, session.Language.Code, session.MonthlyInvocations, session.OutputDirectory));
        Assert.Equal(5_000_000L, session.Summary.Rows[0].MonthlyInvocations);
    }

    [Theory]
    [InlineData("5e6", null)]
    [InlineData("5.000.000", "--monthly-invocations: '5.000.000' is not a whole number of invocations from 0 (write 5000000 or 5e6, without thousands separators)")]
    [InlineData("5,000,000", "--monthly-invocations: '5,000,000' is not a whole number")]
    public void The_scripts_read_the_monthly_volume_as_the_command_does(string volume, string? error)
    {
        if (error is null)
        {
            Assert.Equal(5_000_000L, AnalysisSession.FromArguments([RepositoryPaths.SampleCsv, "--monthly-invocations", volume]).MonthlyInvocations);
            return;
        }

        Assert.StartsWith(error, Assert.Throws<ArgumentException>(() => AnalysisSession.FromArguments([RepositoryPaths.SampleCsv, "--monthly-invocations", volume])).Message);
    }

    [Fact]
    public void Gives_the_same_numbers_as_the_report()
    {
        var session = AnalysisSession.FromArguments([RepositoryPaths.SampleCsv]);
        var warm = session.Summary.Rows.Single(r => r.StartType == "warm");
        // The hand computations of ConfigurationSummarizerTests: overhead 61.032 ms, warm billed 3003.6 ms at 512 MB.
        Assert.Equal((61.032, 25.23005006m), (Math.Round(warm.ColdStartOverheadMs!.Value, 9), warm.CostPerMillionUsd!.Value));
        // Warm mean (3003.55 + 3001.53 + 3003.64 + 3003.35 + 3003.57) / 5 = 3003.128; warm and cold apart, nothing pooled.
        var latency = AnalysisSession.Markdown(session.Tables.Latency(session.Summary));
        Assert.Contains("| order-processor-lambda | warm | 5 | 3,003.13 |", latency);
        Assert.DoesNotContain("| order-processor-lambda | all |", latency);
    }

    [Theory]
    [InlineData("--colour", "unknown option --colour")]
    [InlineData("--lang", "--lang needs a value")]
    [InlineData("--monthly-invocations", "--monthly-invocations needs a value")]
    public void Refuses_bad_arguments_with_the_usage(string argument, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => AnalysisSession.FromArguments([RepositoryPaths.SampleCsv, argument]));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task A_bad_region_ends_with_exit_code_2_and_no_body_run()
    {
        var ran = false;
        var exit = await AnalysisSession.RunAsync([RepositoryPaths.SampleCsv, "--region", "example.com#"], _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        Assert.Equal((2, false), (exit, ran));
    }

    [Fact]
    public void Opens_a_csv_or_a_directory_holding_invocations_csv()
    {
        var byDirectory = AnalysisSession.Open(Path.GetDirectoryName(RepositoryPaths.SampleCsv)!, "pt-BR", 5);
        Assert.Equal([RepositoryPaths.SampleCsv], byDirectory.Inputs);
        Assert.Equal((10, "pt-BR", 5L), (byDirectory.Frame.Rows.Count, byDirectory.Language.Code, byDirectory.MonthlyInvocations));
        Assert.Equal(["percentiles", "distribution", "ecdf", "histogram", "drift", "cold-vs-warm", "cost", "price-performance"], byDirectory.Figures.Select(f => f.Id)); // no p95 at n = 10
        Assert.Same(byDirectory.Figures[5], byDirectory.Figure("cold-vs-warm"));
        Assert.Contains("there are: percentiles, distribution", Assert.Throws<ArgumentException>(() => byDirectory.Figure("pie")).Message);

        var empty = Directory.CreateTempSubdirectory("lambench-session-").FullName;
        try
        {
            Assert.Contains("a directory without invocations.csv", Assert.Throws<IOException>(() => AnalysisSession.Open(empty)).Message);
            Assert.Contains("does not exist", Assert.Throws<IOException>(() => AnalysisSession.Open(Path.Combine(empty, "x.csv"))).Message);
            Assert.Contains("no file matches", Assert.Throws<IOException>(() => AnalysisSession.Open(Path.Combine(empty, "*.csv"))).Message);

            // Several inputs: a directory, a wildcard and a file, separated by ';', as notebook render --data passes them.
            var first = Path.Combine(empty, "a.csv");
            File.WriteAllLines(first, File.ReadLines(RepositoryPaths.SampleCsv).Take(4));
            File.WriteAllLines(Path.Combine(empty, "b.csv"), File.ReadLines(RepositoryPaths.SampleCsv).Take(1).Concat(File.ReadLines(RepositoryPaths.SampleCsv).Skip(4)));
            var both = AnalysisSession.Open(Path.Combine(empty, "*.csv"));
            Assert.Equal((2, 10), (both.Inputs.Count, both.Invocations.Count));
            Assert.Equal(10, AnalysisSession.Open(first + ";" + Path.Combine(empty, "b.csv")).Invocations.Count);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Tables_and_figures_show_as_html_in_notebooks()
    {
        var session = AnalysisSession.Open(RepositoryPaths.SampleCsv);
        var table = session.Tables.Latency(session.Summary);
        var html = new StringWriter();
        table.WriteTo(html, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Equal(new Lambench.Analysis.Tables.HtmlTableExporter().Export(table), html.ToString());
        Assert.Equal(AnalysisSession.Markdown(table), table.ToString());

        var figure = new StringWriter();
        session.Figure("percentiles").WriteTo(figure, System.Text.Encodings.Web.HtmlEncoder.Default);
        Assert.Contains("Plotly.newPlot(\"lambench-percentiles-", figure.ToString());
        Assert.DoesNotContain("</script><", figure.ToString().Split("<script>")[1][..^"</script>\n".Length]); // no early end of the script
    }
}
