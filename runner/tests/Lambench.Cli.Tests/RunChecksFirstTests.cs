using Lambench.Runner.Journal;
using Lambench.Tests.Shared;

namespace Lambench.Cli.Tests;

/// <summary>
/// `run` checks what it can before it writes anything: a spec's errors (a miscased target, repeated memory sizes), its
/// size, the template, and for AWS the region; a damaged journal stops a resume until the user sets it aside. Each
/// ends in one line and an exit code, never a stack trace, and leaves no run directory behind.
/// </summary>
public sealed class RunChecksFirstTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-run-checks-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static Task<(int Exit, string Text)> Run(params string[] args) => InProcessCli.RunAsync(args);

    private string Spec(string from, string to)
    {
        var path = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(path, File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "experiments", "quickstart.yaml")).Replace(from, to, StringComparison.Ordinal));
        return path;
    }

    [Theory]
    [InlineData("target: local", "target: AWS", "target: 'AWS' is not one of local, aws")]
    [InlineData("memory_mb: [512]", "memory_mb: [512, 512]", "configurations.memory_mb: '512' is listed twice")]
    [InlineData("  cold_starts: 3\n", "", "protocol.cold_starts: required")]
    [InlineData("repetitions: 10", "repetitions: 100000", "the plan holds 1,200,042 invocations")]
    public async Task A_spec_error_is_reported_before_any_file_is_written(string from, string to, string expected)
    {
        var run = Path.Combine(_directory, "run");
        var (exit, text) = await Run("run", Spec(from, to), "--out", run);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains(expected, text);
        Assert.Contains("nothing was run or written", text);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public async Task A_larger_plan_runs_only_when_allowed_and_the_allowance_is_bounded()
    {
        var (exit, text) = await Run("run", Spec("x", "x"), "--out", Path.Combine(_directory, "run"), "--max-invocations", "99999999");
        Assert.NotEqual(0, exit); // System.CommandLine's own validation error
        Assert.Contains("--max-invocations is from 1 to 1,000,000", text);
    }

    [Fact]
    public async Task A_bad_region_or_a_missing_template_leaves_no_run_directory()
    {
        var run = Path.Combine(_directory, "run");
        var (exit, text) = await Run("run", Spec("x", "x"), "--out", run, "--target", "aws", "--region", "example.com#");
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Contains("'example.com#' is not a region name", text);
        Assert.False(Directory.Exists(run));

        (exit, text) = await Run("run", Spec("x", "x"), "--out", run, "--template", Path.Combine(_directory, "none.yaml"));
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no infra/template.yaml", text);
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public async Task A_damaged_journal_stops_the_resume_naming_the_line_and_says_how_to_go_on()
    {
        var run = Path.Combine(_directory, "run");
        Directory.CreateDirectory(run);
        var spec = Spec("x", "x");
        File.Copy(spec, Path.Combine(run, "spec.yaml"));
        var plan = Lambench.Runner.Plans.RunPlanBuilder.Build(new Lambench.Runner.Specs.ExperimentSpecReader().Read(spec), "r", 1);
        File.WriteAllText(Path.Combine(run, "plan.json"), System.Text.Json.JsonSerializer.Serialize(plan, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)));
        var journal = Path.Combine(run, "journal.jsonl");
        File.WriteAllText(journal, "{\"step\":0,\"attempt\":1,\"state\":\"started\",\"time\":\"2026-11-23T12:00:00+00:00\"}\n{\"step\":0,\"att\n{\"step\":0,\"attempt\":1,\"state\":\"done\",\"time\":\"2026-11-23T12:00:01+00:00\"}\n");

        var (exit, text) = await Run("run", run, "--template", Path.Combine(_directory, "none.yaml"), "--target", "local");
        Assert.Equal(ExitCodes.BadInput, exit); // the missing template, checked first: the journal stays as it is
        (exit, text) = await Run("run", run, "--no-report", "--target", "aws", "--region", "bad");
        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal(3, File.ReadAllLines(journal).Length);

        // Checked without starting anything: the template of the repository is there, the journal is not trusted.
        var (damagedExit, damaged) = await RunJournalCheckOnly(run);
        Assert.Equal(ExitCodes.BadInput, damagedExit);
        Assert.Contains($"{journal}: line 2: not a journal entry", damaged);
        Assert.Contains($"lambench run {run} --set-aside-damaged-journal", damaged);
        Assert.Equal([2], RunJournal.SetAsideDamaged(journal));
        Assert.Single(File.ReadAllLines(RunJournal.SetAsidePath(journal)));
    }

    /// <summary>A resume on the local target: the preflight passes (the repository's template), and the journal check comes before the platform starts.</summary>
    private static Task<(int Exit, string Text)> RunJournalCheckOnly(string run) => Run("run", run, "--no-report", "--target", "local", "--stack", "no-such-stack");
}
