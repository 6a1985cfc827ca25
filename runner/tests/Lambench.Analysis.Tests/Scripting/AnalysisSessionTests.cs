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

    [Fact]
    public void Gives_the_same_numbers_as_the_report()
    {
        var session = AnalysisSession.FromArguments([RepositoryPaths.SampleCsv]);
        var all = session.Summary.Rows.Single(r => r.StartType == "all");
        Assert.Equal((61.032, 25.484217235m), (Math.Round(all.ColdStartOverheadMs!.Value, 9), all.CostPerMillionUsd!.Value));
        Assert.Contains("| order-processor-lambda | all | 10 | 3,003.68 |", AnalysisSession.Markdown(session.Tables.Latency(session.Summary)));
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
        var exit = await AnalysisSession.RunAsync([RepositoryPaths.SampleCsv, "--region", "sa-east-1"], _ =>
        {
            ran = true;
            return Task.CompletedTask;
        });
        Assert.Equal((2, false), (exit, ran));
    }
}
