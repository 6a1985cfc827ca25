using Lambench.Experiments;
using Lambench.LocalPlatform;
using Lambench.Runner.Collection;
using Lambench.Runner.Execution;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>A run against a local platform of its own (started with the knobs a test needs), in a temporary directory.</summary>
internal sealed class LocalRun : IAsyncDisposable
{
    private readonly TargetSession session;

    private LocalRun(TargetSession session, string directory)
    {
        this.session = session;
        Directory = directory;
    }

    public string Directory { get; }
    public RunTarget Target => session.Target;
    public LocalPlatform.LocalPlatform Platform => session.Platform!;
    public string RunPath => Path.Combine(Directory, "run");

    /// <summary>The platform and its clients as `lambench run` starts them (<see cref="TargetSession"/>), with the knobs a test needs.</summary>
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
        var session = await TargetSession.StartLocalAsync(adjust?.Invoke(options) ?? options, null, CancellationToken.None);
        if (adjustTarget is not null)
        {
            session.Adjust(adjustTarget);
        }

        return new LocalRun(session, directory);
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
        await session.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
