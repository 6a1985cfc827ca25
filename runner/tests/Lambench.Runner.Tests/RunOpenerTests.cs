using Lambench.Core.Vocabulary;
using Lambench.Experiments;
using Lambench.Runner.Doctor;
using Lambench.Runner.Execution;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>
/// Opening a run, with the AWS account checks faked: they see the region and only the spec's functions, a failed check
/// leaves nothing written, and an opened run holds its directory until it is disposed.
/// </summary>
public sealed class RunOpenerTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-open-").FullName;
    private readonly Observer _observer = new();
    private readonly List<(string? Region, ExpectedDeployment Expected)> _checked = [];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Run => Path.Combine(_directory, "run");

    private RunOpenRequest Request(string? region = "sa-east-1") => new()
    {
        Input = Path.Combine(RepositoryPaths.Root(), "experiments", "quickstart.yaml"),
        Output = Run,
        TemplatePath = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"),
        Stack = "lambench",
        Target = Platform.Aws,
        Region = region,
    };

    private RunOpener Opener(CheckOutcome outcome) => new(_observer, (region, source, expected, _) =>
    {
        _checked.Add((region, expected));
        return Task.FromResult<IReadOnlyList<DoctorCheck>>([DoctorCheck.Ok("region", $"{region} ({source})"), new DoctorCheck("stack", outcome, "as faked")]);
    });

    [Fact]
    public async Task A_failed_account_check_refuses_the_run_after_printing_every_check_and_writes_nothing()
    {
        var (opened, refusal) = await Opener(CheckOutcome.Failed).OpenAsync(Request(), CancellationToken.None);

        Assert.Null(opened);
        Assert.Equal(PipelineStatus.Failed, refusal!.Status);
        Assert.StartsWith("nothing was run or written", refusal.Message);
        Assert.Equal(["checking", "region", "stack"], _observer.Told);
        Assert.False(Directory.Exists(Run));
        // The quickstart runs the cpu workload of go and python on x86_64: only those two functions are expected.
        Assert.Equal("sa-east-1", _checked.Single().Region);
        Assert.Equal(["lambench-go-cpu-x86_64", "lambench-python-cpu-x86_64"], _checked.Single().Expected.Functions.Select(f => f.Name).Order());
    }

    [Fact]
    public async Task An_opened_run_holds_its_directory_until_disposed()
    {
        var opener = Opener(CheckOutcome.Ok);
        var (opened, refusal) = await opener.OpenAsync(Request(), CancellationToken.None);
        Assert.Null(refusal);
        Assert.Equal((Platform.Aws, "sa-east-1"), (opened!.Target, opened.Region));
        Assert.True(File.Exists(opened.Run.PlanPath));

        var (second, busy) = await opener.OpenAsync(Request() with { Input = Run }, CancellationToken.None);
        Assert.Null(second);
        Assert.Equal(PipelineStatus.BadInput, busy!.Status);
        Assert.Contains("is in use by another lambench run", busy.Message);

        opened.Dispose();
        var (third, _) = await opener.OpenAsync(Request() with { Input = Run }, CancellationToken.None);
        Assert.True(third!.Run.IsResumed);
        third.Dispose();
    }

    [Fact]
    public async Task A_local_run_is_not_checked_against_an_account_and_a_spec_error_is_one_refusal_with_each_error_on_its_own_line()
    {
        var spec = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(spec, File.ReadAllText(Request().Input).Replace("memory_mb: [512]", "memory_mb: [512, 512]", StringComparison.Ordinal).Replace("  cold_starts: 3\n", string.Empty, StringComparison.Ordinal));
        var (opened, refusal) = await Opener(CheckOutcome.Ok).OpenAsync(Request() with { Input = spec, Target = Platform.Local }, CancellationToken.None);

        Assert.Null(opened);
        Assert.Equal(PipelineStatus.BadInput, refusal!.Status);
        Assert.Equal("2 error(s) in the spec; nothing was run or written:", refusal.Message);
        Assert.Equal(2, refusal.Details!.Count);
        Assert.Empty(_checked);
        Assert.False(Directory.Exists(Run));
    }

    private sealed class Observer : IRunOpeningObserver
    {
        public List<string> Told { get; } = [];

        public void CheckingAccount() => Told.Add("checking");

        public void AccountChecked(IReadOnlyList<DoctorCheck> checks) => Told.AddRange(checks.Select(c => c.Name));

        public void Warning(string message) => Told.Add("warning: " + message);
    }
}
