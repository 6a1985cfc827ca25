using Lambench.Runner.Specs;
using System.Globalization;
using Lambench.Core.Csv;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Doctor;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Plans;
using Lambench.Tests.Shared;

namespace Lambench.Cli.Tests;

/// <summary>
/// `lambench doctor` and `lambench run --target aws` as a user runs them, against moto (AWS_ENDPOINT_URL, the standard
/// override, set for the child process only) holding the template's sixteen functions, built with boto3. moto runs no
/// code, so the REPORT lines a run expects are put into its log groups with boto3, as Lambda would write them.
/// </summary>
[Collection(SerialProcesses.Name)]
[Trait("Tier", "system")]
public sealed class AwsOnMotoTests : IAsyncLifetime
{
    private const string Spec = """
        name: moto-run
        target: aws
        workload: noop
        channel: invoke
        configurations: { runtimes: [python, go], architectures: [x86_64], memory_mb: [256] }
        variables: [runtime]
        batches:
          - { label: noop }
        protocol: { rounds: 1, warmup: 1, cold_starts: 2, repetitions: 5, reserved_concurrency: 1, order: fixed }
        """;

    private readonly string directory = Directory.CreateTempSubdirectory("lambench-moto-").FullName;
    private MotoServer moto = null!;

    private static string TemplatePath => Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml");

    public async Task InitializeAsync()
    {
        moto = await MotoServer.StartAsync();
        try
        {
            var functions = new TemplateReader("lambench").Read(TemplatePath).Functions
                .Select(f => new { name = f.FunctionName, runtime = f.Runtime, architecture = f.Architecture, timeout = f.TimeoutSeconds, memory = f.MemorySizeMb })
                .ToArray();
            await moto.PythonAsync("setup", new { functions, stack = "lambench", tags = new Dictionary<string, string> { [TemplateHash.TagKey] = TemplateHash.Of(TemplatePath) } });
        }
        catch
        {
            moto.Dispose(); // xunit does not call DisposeAsync when InitializeAsync fails: the server must not outlive the test
            throw;
        }
    }

    public Task DisposeAsync()
    {
        moto.Dispose();
        Directory.Delete(directory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(int Exit, string Output)> Lambench(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = LambenchProcess.StartInfo(args);
        // No profile, no credentials file and no endpoint but the ones given: the child sees only this account.
        start.Environment["HOME"] = directory;
        // Go's build cache stays the user's: under the new HOME every deploy compiled the AWS SDK for Go again for both
        // architectures (over a minute of a 2-core machine). The cache holds compiled packages, keyed by their inputs.
        start.Environment["GOCACHE"] = Environment.GetEnvironmentVariable("GOCACHE")
            ?? Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "go-build");
        foreach (var variable in new[] { "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL" })
        {
            start.Environment.Remove(variable);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return await LambenchProcess.RunToEndAsync(start, TimeSpan.FromMinutes(3));
    }

    private Dictionary<string, string?> Moto(params (string Name, string? Value)[] changes)
    {
        var environment = moto.Environment.ToDictionary(e => e.Key, e => (string?)e.Value);
        foreach (var (name, value) in changes)
        {
            environment[name] = value;
        }

        return environment;
    }

    [Fact]
    public async Task Doctor_passes_on_the_stand_in_account_and_says_it_is_not_aws()
    {
        var (exit, output) = await Lambench(Moto(), "doctor");
        Assert.True(exit == 0, output);
        Assert.Contains("ok region: us-east-1 (AWS_REGION)", output, StringComparison.Ordinal);
        Assert.Contains("warning endpoints: overridden", output, StringComparison.Ordinal);
        Assert.Contains("ok credentials: account 123456789012", output, StringComparison.Ordinal);
        Assert.Contains("deployed from this checkout's template", output, StringComparison.Ordinal);
        Assert.Contains("ok functions: 20 Active", output, StringComparison.Ordinal);
        Assert.Contains("ok log groups: 20 present", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_explains_each_failure_and_exits_1()
    {
        var noCredentials = await Lambench(Moto(("AWS_ACCESS_KEY_ID", null), ("AWS_SECRET_ACCESS_KEY", null)), "doctor");
        Assert.Equal(1, noCredentials.Exit);
        Assert.Contains("FAILED credentials: NoCredentials: no AWS credentials found", noCredentials.Output, StringComparison.Ordinal);

        var noRegion = await Lambench(Moto(("AWS_REGION", null)), "doctor");
        Assert.Equal(1, noRegion.Exit);
        Assert.Contains("FAILED region: none set", noRegion.Output, StringComparison.Ordinal);

        var badRegion = await Lambench(Moto(), "doctor", "--region", "example.com#");
        Assert.Equal(1, badRegion.Exit);
        Assert.Contains("FAILED region: 'example.com#' is not a region name", badRegion.Output, StringComparison.Ordinal);

        // The stack lives in us-east-1: in sa-east-1 there is none, and the functions are not checked one by one.
        var wrongRegion = await Lambench(Moto(), "doctor", "--region", "sa-east-1");
        Assert.Equal(1, wrongRegion.Exit);
        Assert.Contains("FAILED stack: no stack lambench in sa-east-1: deploy it with lambench deploy --stack lambench --region sa-east-1", wrongRegion.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAILED function", wrongRegion.Output, StringComparison.Ordinal);

        var noStack = await Lambench(Moto(), "doctor", "--stack", "thesis");
        Assert.Equal(1, noStack.Exit);
        Assert.Contains("FAILED stack: no stack thesis in us-east-1", noStack.Output, StringComparison.Ordinal);

        var silent = await Lambench(Moto(("AWS_ENDPOINT_URL", "http://127.0.0.1:9")), "doctor");
        Assert.Equal(1, silent.Exit);
        Assert.Contains("FAILED credentials: STS did not answer GetCallerIdentity", silent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", silent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_warns_when_the_stack_came_from_another_template()
    {
        var edited = Path.Combine(directory, "template.yaml");
        File.WriteAllText(edited, File.ReadAllText(TemplatePath) + "\n# edited\n");
        Directory.CreateSymbolicLink(Path.Combine(directory, "functions"), Path.Combine(RepositoryPaths.Root(), "infra", "functions"));
        var (exit, output) = await Lambench(Moto(), "doctor", "--template", edited);
        Assert.True(exit == 0, output);
        Assert.Contains("warning stack: lambench was deployed from another version of the template", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moto_gap_deploy_creates_the_stack_but_moto_skips_the_sam_transform_so_doctor_finds_no_function()
    {
        // Deploy into a fresh stack: the Go builds, `aws cloudformation package` into moto's S3 and `deploy` into its
        // CloudFormation all succeed, and the stack carries this checkout's template hash. moto does not run the
        // AWS::Serverless-2016-10-31 transform, so the functions are not created; AWS runs it (cfn-lint runs the same
        // translator on this template without an error), so on AWS the doctor would find all sixteen.
        await moto.PythonAsync("bucket", null, "lambench-artifacts");
        var deployed = await Lambench(Moto(), "deploy", "--stack", "fresh", "--s3-bucket", "lambench-artifacts");
        Assert.True(deployed.Exit == 0, deployed.Output);
        Assert.Contains("ok credentials: account 123456789012", deployed.Output, StringComparison.Ordinal);
        Assert.Contains($"lambench:template-sha256={TemplateHash.Of(TemplatePath)}", deployed.Output.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);

        var (exit, output) = await Lambench(Moto(), "doctor", "--stack", "fresh");
        Assert.Equal(1, exit);
        Assert.Contains("ok stack: fresh is CREATE_COMPLETE, deployed from this checkout's template", output, StringComparison.Ordinal);
        Assert.Contains("FAILED functions: 20 of 20 do not exist", output, StringComparison.Ordinal);
        Assert.Contains("ok log groups: 20 present", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_on_aws_collects_the_report_lines_put_by_boto3_into_invocations_csv_by_request_id()
    {
        var spec = Path.Combine(directory, "moto-run.yaml");
        File.WriteAllText(spec, Spec);
        var runDirectory = Path.Combine(directory, "run");

        // First pass: every step runs against moto; no REPORT line exists yet, so collection gives up after 1 s.
        var first = await Lambench(Moto(), "run", spec, "--out", runDirectory, "--collect-timeout", "1", "--no-report");
        Assert.True(first.Exit == 1, first.Output);
        Assert.Contains("ok credentials: account 123456789012", first.Output, StringComparison.Ordinal);
        Assert.Contains("Incomplete", first.Output, StringComparison.Ordinal);

        // What Lambda would have written: a REPORT line per invocation (Init Duration on cold starts), for the
        // warm-ups too (the collector must leave them out), and the handler's tag line.
        var run = RunDirectory.Open(runDirectory);
        IReadOnlyDictionary<int, StepStatus> status;
        using (var journal = RunJournal.Open(run.JournalPath))
        {
            status = journal.Status();
        }

        var invocations = run.Plan.Steps.Where(s => s.Kind == StepKind.Invoke).ToList();
        Assert.All(invocations, s => Assert.True(status[s.Index].IsDone));
        var expected = new Dictionary<string, (double Duration, double? Init, StepPhase Phase)>();
        var logs = new Dictionary<string, List<string>>();
        foreach (var step in invocations)
        {
            var id = status[step.Index].RequestId!;
            var duration = 10 + step.Index + 0.25;
            double? init = step.Phase == StepPhase.Cold ? 100 + step.Index + 0.5 : null;
            expected[id] = (duration, init, step.Phase!.Value);
            var group = "/aws/lambda/" + run.Spec.Configurations.Single(c => c.Name == step.Configuration).FunctionName("lambench", Workload.Noop);
            var lines = logs.TryGetValue(group, out var existing) ? existing : logs[group] = [];
            lines.Add($"{{\"request_id\": \"{id}\", \"batch_id\": \"{status[step.Index].BatchId}\", \"label\": \"noop\"}}");
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"REPORT RequestId: {id}\tDuration: {duration:F2} ms\tBilled Duration: {Math.Ceiling(duration + (init ?? 0)):F0} ms\tMemory Size: 256 MB\tMax Memory Used: 40 MB\t{(init is { } i ? $"Init Duration: {i:F2} ms\t" : string.Empty)}"));
        }

        await moto.PythonAsync("put-logs", logs);

        // Second pass: the same command on the run directory only collects, and finds every line.
        var second = await Lambench(Moto(), "run", runDirectory, "--collect-timeout", "5", "--no-report");
        Assert.True(second.Exit == 0, second.Output);
        var rows = InvocationCsvReader.ReadFile(run.InvocationsPath);
        Assert.Equal(2 * (2 + 5), rows.Count); // two configurations, two cold starts and five warm repetitions each
        foreach (var row in rows)
        {
            var (duration, init, phase) = expected[row.RequestId!];
            Assert.Equal(duration, row.DurationMs);
            Assert.Equal(init, row.InitDurationMs);
            Assert.Equal(phase == StepPhase.Cold ? "cold" : "warm", row.StartType.ToString().ToLowerInvariant());
            Assert.Equal("aws", row.Platform);
            Assert.Equal(256, row.MemorySizeMb);
        }
    }
}
