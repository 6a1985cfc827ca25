using Lambench.Tests.Shared;

namespace Lambench.Cli.Tests;

/// <summary>
/// `lambench cost`: the shipped architecture priced as its tables say (5.05 USD a month in us-east-1, worked out line
/// by line in the core's tests), errors with file and line, and the break-even printed with its caveats.
/// </summary>
public sealed class CostCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-cost-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Shipped => Path.Combine(RepositoryPaths.Root(), "architectures", "finops-workflow.yaml");

    [Fact]
    public async Task Workflow_prints_both_tables_whole_lines_and_writes_them_with_out()
    {
        var (exit, text) = await InProcessCli.RunAsync("cost", "workflow", Shipped, "--out", _directory);

        Assert.True(exit == 0, text);
        Assert.Contains("| Step Functions | finops-analysis: state transitions | 48,000 transitions | 0.025 per 1,000 | 1.20 |", text);
        Assert.Contains("| Total |  |  |  | 5.05 |", text);
        Assert.Contains("| ×100 | 300,000 |", text);
        Assert.True(File.Exists(Path.Combine(_directory, "workflow_cost.csv")));
        Assert.True(File.Exists(Path.Combine(_directory, "tables", "workflow-cost.tex")));
    }

    [Fact]
    public async Task Workflow_errors_name_the_file_and_line_and_a_missing_price_says_which()
    {
        var broken = Path.Combine(_directory, "broken.yaml");
        File.WriteAllText(broken, "name: b\nexecutions_per_day: ten\n");
        var (exit, text) = await InProcessCli.RunAsync("cost", "workflow", broken);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"{broken}:2: executions_per_day: 'ten' is not a number", text);

        var noFargate = Path.Combine(_directory, "prices.yaml");
        File.WriteAllText(noFargate, "step_functions:\n  standard:\n    usd_per_thousand_transitions: 0\n");
        (exit, text) = await InProcessCli.RunAsync("cost", "workflow", Shipped, "--prices", noFargate);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("step_functions.standard.usd_per_thousand_transitions is needed to price this architecture", text);
        Assert.DoesNotContain("   at ", text); // no stack trace

        // Map items at their limit, nested three deep, at 100,000 executions a day: past decimal's range at ×100.
        var huge = Path.Combine(_directory, "huge.yaml");
        File.WriteAllText(huge, "name: huge\nexecutions_per_day: 100000\nstate_machines:\n  - name: m\n    states:\n      - name: A\n        map:\n          items: 10000000\n          states:\n            - name: B\n              map:\n                items: 10000000\n                states:\n                  - name: C\n                    map: { items: 10000000, states: [ { name: D } ] }\n");
        (exit, text) = await InProcessCli.RunAsync("cost", "workflow", huge);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("the volumes are too large to price", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Breakeven_prints_the_crossing_with_the_caveats_beside_it()
    {
        var (exit, text) = await InProcessCli.RunAsync("cost", "breakeven", RepositoryPaths.SampleCsv, "--out", _directory, "--no-static-figures", "--min-tasks", "2", "--lb-usd-per-month", "16.43");

        Assert.True(exit == 0, text);
        Assert.Contains("| order-processor-lambda |", text);
        Assert.Contains("Left out unless set: a load balancer", text);
        Assert.Contains("at least 2 running", text);
        Assert.Contains("unconfirmed price: fargate", text);
        Assert.Contains("Left out unless set", File.ReadAllText(Path.Combine(_directory, "figures", "breakeven.tex")));
        Assert.True(File.Exists(Path.Combine(_directory, "breakeven.csv")));

        (exit, text) = await InProcessCli.RunAsync("cost", "breakeven", RepositoryPaths.SampleCsv, "--out", _directory, "--utilization", "1.5");
        Assert.NotEqual(0, exit);
        Assert.Contains("--utilization is a share above 0 and at most 1", text);
    }
}
