using Lambench.LocalPlatform;
using Lambench.Runner.Collection;
using Lambench.Runner.Execution;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>A run against a local platform of its own (started with the knobs a test needs), in a temporary directory.</summary>
internal sealed class LocalRun : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly LocalPlatform.LocalPlatform platform;

    private LocalRun(HttpClient http, LocalPlatform.LocalPlatform platform, string directory, RunTarget target)
    {
        this.http = http;
        this.platform = platform;
        Directory = directory;
        Target = target;
    }

    public string Directory { get; }
    public RunTarget Target { get; }
    public LocalPlatform.LocalPlatform Platform => platform;
    public string RunPath => Path.Combine(Directory, "run");

    public static async Task<LocalRun> StartAsync(Func<LocalPlatformOptions, LocalPlatformOptions>? adjust = null, Func<RunTarget, RunTarget>? adjustTarget = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("lambench-run-").FullName;
        var options = new LocalPlatformOptions
        {
            TemplatePath = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"),
            Port = 0,
            // Its own folder: the platform tests of another assembly may install dynalite at the same time.
            WorkDirectory = Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests-runner"),
            LogDirectory = Path.Combine(directory, "platform-logs"),
        };
        var platform = await LocalPlatform.LocalPlatform.StartAsync(adjust?.Invoke(options) ?? options);
        var http = new HttpClient();
        var target = RunTargets.Local(http, platform.Endpoint, platform.DynamoDbEndpoint, "lambench", LocalPlatform.LocalPlatform.Region, LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey);
        return new LocalRun(http, platform, directory, adjustTarget?.Invoke(target) ?? target);
    }

    /// <summary>Writes the spec, prepares the run directory, runs it and collects it.</summary>
    public async Task<(RunDirectory Run, RunExecution Execution, CollectionResult Collection)> RunAsync(string specYaml, CancellationToken cancellation = default)
    {
        var run = Prepare(specYaml);
        var execution = await new ExperimentRunner(Target).ExecuteAsync(run, null, cancellation);
        var collection = await new InvocationCollector(Target).CollectAsync(run, null, cancellation);
        return (run, execution, collection);
    }

    public RunDirectory Prepare(string specYaml)
    {
        var specPath = Path.Combine(Directory, "spec.yaml");
        File.WriteAllText(specPath, specYaml);
        return RunDirectory.Prepare(RunPath, specPath, seed: 7);
    }

    public async ValueTask DisposeAsync()
    {
        Target.Dispose();
        http.Dispose();
        await platform.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
