using System.Diagnostics;
using Lambench.Core.Csv;
using Lambench.Runner.Journal;
using Lambench.Tests.Shared;
using Spectre.Console.Testing;

namespace Lambench.Cli.Tests;

/// <summary>`lambench run` as a user runs it: a real process on the local platform, killed with SIGKILL and resumed.</summary>
[Collection(SerialProcesses.Name)]
[Trait("Tier", "system")]
public sealed class RunCommandTests : IDisposable
{
    // Per runtime: configure, 1 warm-up, 2 forced cold starts, 10 warm repetitions: steps 0-13 python, 14-27 go.
    private const string Spec = """
        name: kill-test
        workload: noop
        channel: invoke
        configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
        variables: [runtime]
        batches:
          - { label: noop }
        protocol: { rounds: 1, warmup: 1, cold_starts: 2, repetitions: 10, reserved_concurrency: 1, order: fixed }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-run-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string SpecPath()
    {
        var path = Path.Combine(_directory, "kill-test.yaml");
        File.WriteAllText(path, Spec);
        return path;
    }

    private static ProcessStartInfo Lambench(params string[] args) => LambenchProcess.StartInfo(args);

    private static Task<(int Exit, string Output)> RunToEnd(params string[] args) => RunToEnd(Lambench(args));

    private static Task<(int Exit, string Output)> RunToEnd(ProcessStartInfo start) => LambenchProcess.RunToEndAsync(start, TimeSpan.FromMinutes(5));

    [Fact]
    public async Task Kill_9_in_the_middle_of_a_step_then_run_again_gives_the_rows_of_an_uninterrupted_run()
    {
        var spec = SpecPath();
        var whole = Path.Combine(_directory, "whole");
        var (exit, output) = await RunToEnd("run", spec, "--out", whole, "--no-report");
        Assert.True(exit == 0, output);

        // Killed while go's first forced cold start (step 16) is under way: its update wait alone lasts 300 ms.
        var killed = Path.Combine(_directory, "killed");
        using (var process = Process.Start(Lambench("run", spec, "--out", killed, "--no-report"))!)
        {
            var killedOutput = process.StandardOutput.ReadToEndAsync();
            var killedError = process.StandardError.ReadToEndAsync();
            await UntilStepStartedAsync(process, Path.Combine(killed, "journal.jsonl"), 16, killedOutput, killedError);

            var children = ChildrenOf(process.Id);
            Assert.NotEmpty(children);
            process.Kill(); // SIGKILL: no handler runs, nothing is flushed by the runner
            await process.WaitForExitAsync();

            // Orphaned, the function processes lose their Runtime API and dynalite its stdin: they end on their own.
            var gone = DateTime.UtcNow.AddSeconds(10);
            while (children.Any(Alive) && DateTime.UtcNow < gone)
            {
                await Task.Delay(100);
            }

            Assert.DoesNotContain(children, pid => Alive(pid));
        }

        Assert.False(File.Exists(Path.Combine(killed, "invocations.csv")));
        (exit, output) = await RunToEnd("run", killed, "--no-report");
        Assert.True(exit == 0, output);
        Assert.Contains("(resuming)", output);

        var expected = InvocationCsvReader.ReadFile(Path.Combine(whole, "invocations.csv"));
        var resumed = InvocationCsvReader.ReadFile(Path.Combine(killed, "invocations.csv"));
        Assert.Equal(28 - 4, expected.Count);
        Assert.Equal(
            expected.Select(r => (r.Configuration, r.Label, r.Repetition, r.StartType, r.Status, r.Platform)),
            resumed.Select(r => (r.Configuration, r.Label, r.Repetition, r.StartType, r.Status, r.Platform)));

        using var entries = RunJournal.Open(Path.Combine(killed, "journal.jsonl"));
        var status = entries.Status();
        Assert.Equal(status.Values.Where(s => s.RequestId is not null).OrderBy(s => s.Step).Where(s => s.Step is not (1 or 15)).Select(s => s.RequestId), resumed.Select(r => r.RequestId));
        Assert.Equal(resumed.Count, resumed.Select(r => r.RequestId).Distinct().Count());
        // The attempt the kill cut short is abandoned under its own batch id and retried as attempt 2.
        Assert.Contains(entries.Entries, e => e is { Step: 16, Attempt: 1, State: JournalEntry.Abandoned });
        Assert.Equal((2, true), (status[16].Attempt, status[16].IsDone));
        Assert.DoesNotContain(resumed, r => r.BatchId!.EndsWith("-00016-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ctrl_C_stops_cleanly_with_the_step_abandoned_and_every_function_process_gone()
    {
        var stopped = Path.Combine(_directory, "stopped");
        using var process = Process.Start(Lambench("run", SpecPath(), "--out", stopped, "--no-report"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var journal = Path.Combine(stopped, "journal.jsonl");
        await UntilStepStartedAsync(process, journal, 16, output, error);

        // The function processes and dynalite, started by the platform inside the run.
        var children = ChildrenOf(process.Id);
        Assert.NotEmpty(children);
        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        var text = await output + await error;
        Assert.True(process.ExitCode == ExitCodes.Cancelled, text);
        Assert.Contains("resume with: lambench run", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        using (var entries = RunJournal.Open(journal))
        {
            Assert.Contains(entries.Entries, e => e is { Step: 16, State: JournalEntry.Abandoned } && e.Detail!.StartsWith("stopped by the user", StringComparison.Ordinal));
        }

        // The platform stopped them on the way out (a process that lingered would be orphaned, not gone).
        await Task.Delay(500);
        Assert.DoesNotContain(children, pid => Alive(pid));
    }

    /// <summary>Waits until the journal's last line says the step's first attempt started: the run is inside that step.</summary>
    private static async Task UntilStepStartedAsync(Process process, string journal, int step, Task<string> output, Task<string> error)
    {
        var started = $"{{\"step\":{step},\"attempt\":1,\"state\":\"started\"";
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!(File.Exists(journal) && File.ReadLines(journal).LastOrDefault() is { } last && last.StartsWith(started, StringComparison.Ordinal)))
        {
            if (process.HasExited)
            {
                // Say why: the run's own output and the journal so far.
                var said = await output + await error;
                Assert.Fail($"the run exited ({process.ExitCode}) before step {step}: {said}\njournal: {(File.Exists(journal) ? string.Join("\n", File.ReadLines(journal).TakeLast(5)) : "none")}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"the run never reached step {step} in 3 minutes");
            await Task.Delay(5);
        }
    }

    /// <summary>A process that still runs; a zombie (exited, not yet reaped by whoever adopted it) does not count.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z";
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static List<int> ChildrenOf(int parent) => Directory.EnumerateDirectories("/proc")
        .Select(Path.GetFileName)
        .Where(name => name!.All(char.IsAsciiDigit))
        .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
        .Where(pid =>
        {
            try
            {
                // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == parent.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                return false;
            }
        })
        .ToList();

    [Fact]
    public async Task A_spec_with_errors_reports_every_one_with_file_and_line_and_runs_nothing()
    {
        var spec = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(spec, """
            name: Bad Name
            workload: noop
            channel: carrier-pigeon
            configurations: { runtimes: [python, rust], architectures: [x86_64], memory_mb: [64] }
            batches:
              - { label: noop }
            protocol: { rounds: 1, warmup: 1, repetitions: 2, order: fixed }
            """);
        var console = new TestConsole { Profile = { Width = 400 } };
        var output = Path.Combine(_directory, "bad-run");
        var exit = await LambenchApplication.RunAsync(["run", spec, "--out", output], console);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("error(s) in the spec; nothing was run", console.Output);
        Assert.Contains($"{spec}:1: name:", console.Output);
        Assert.Contains($"{spec}:3: channel:", console.Output);
        Assert.Contains($"{spec}:4: configurations.runtimes: 'rust'", console.Output);
        Assert.Contains($"{spec}:4: configurations.memory_mb: '64'", console.Output);
        Assert.Contains($"{spec}:7: protocol.repetitions:", console.Output);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Deploy_without_credentials_says_how_to_give_them_and_builds_nothing()
    {
        var start = Lambench("deploy", "--region", "us-east-1", "--s3-bucket", "lambench-test-artifacts");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory, "none");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_directory, "none");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var variable in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL" })
        {
            start.Environment.Remove(variable);
        }

        var (exit, output) = await RunToEnd(start);
        Assert.True(exit == ExitCodes.Failed, output);
        Assert.Contains("FAILED credentials: NoCredentials", output);
        Assert.Contains("nothing was deployed", output);
        Assert.DoesNotContain("Building the Go functions", output);
    }

    [Fact]
    public async Task An_aws_run_without_credentials_says_how_to_give_them_and_runs_nothing()
    {
        var start = Lambench("run", SpecPath(), "--target", "aws", "--region", "us-east-1", "--out", Path.Combine(_directory, "aws"), "--no-report");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(_directory, "none");
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(_directory, "none");
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var variable in new[] { "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE" })
        {
            start.Environment.Remove(variable);
        }

        var (exit, output) = await RunToEnd(start);
        Assert.True(exit == ExitCodes.Failed, output);
        Assert.Contains("FAILED credentials: NoCredentials", output);
        Assert.Contains("error: nothing was run or written:", output);
        Assert.Contains("set AWS_PROFILE after aws configure or aws sso login", output);
        Assert.DoesNotContain("Unhandled exception", output);
        // The checks come before anything is written: no run directory at all.
        Assert.False(Directory.Exists(Path.Combine(_directory, "aws")));
    }

    [Fact]
    public async Task Help_explains_the_run_directory_and_resuming()
    {
        var console = new TestConsole { Profile = { Width = 400 } };
        var text = new StringWriter();
        Assert.Equal(0, await LambenchApplication.RunAsync(["run", "--help"], console, text, text));
        Assert.Contains("journal.jsonl (append-only, written before and after every", text.ToString());
        Assert.Contains("lambench run runs/quickstart", text.ToString());
        Assert.Contains("--local-throttle-fraction", text.ToString());
    }
}
