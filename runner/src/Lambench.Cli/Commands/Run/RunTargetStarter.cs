using Lambench.Core.Vocabulary;
using Lambench.LocalPlatform;
using Lambench.LocalPlatform.Template;
using Lambench.Experiments;
using Lambench.Runner.Execution;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>The target a run goes to: the local platform, started here, or AWS (its account checked when the run was opened).</summary>
internal static class RunTargetStarter
{
    /// <returns>the exit code when no target could be had (Session null), else the session that owns the target.</returns>
    public static async Task<(int Exit, TargetSession? Session)> StartAsync(
        IAnsiConsole console, RunRequest request, RunDirectory run, Platform target, string? region, CancellationToken cancellation)
    {
        if (target == Platform.Aws)
        {
            // A silent AWS endpoint shows as "waiting for lambda in <region>: 20 s…" lines, and Ctrl+C stops the wait.
            return (ExitCodes.Success, TargetSession.Aws(request.Stack, region!, new ConsoleProgress(console)));
        }

        try
        {
            var session = await TargetSession.StartLocalAsync(new LocalPlatformOptions
            {
                TemplatePath = RepositoryLayout.Template(request.Template)!,
                Port = 0,
                WorkDirectory = RepositoryLayout.LocalWorkDirectory(),
                StackName = request.Stack,
                LogDirectory = run.PlatformLogsDirectory,
                LogIngestionDelay = request.LogDelay,
                ThrottleFraction = request.ThrottleFraction,
            }, new ConsoleProgress(console), cancellation);
            console.MarkupLine("[grey]Local platform: timings are this machine's, labelled platform=local, never AWS figures.[/]");
            return (ExitCodes.Success, session);
        }
        catch (Exception e) when (e is TemplateException or IOException or InvalidDataException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return (ExitCodes.BadInput, null);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return (ExitCodes.Cancelled, null);
        }
    }
}
