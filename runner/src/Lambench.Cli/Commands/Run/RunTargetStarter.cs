using Lambench.Core.Vocabulary;
using Lambench.Cli.Commands.Doctor;
using Lambench.LocalPlatform;
using Lambench.LocalPlatform.Template;
using Lambench.Experiments;
using Lambench.Runner.Execution;
using Lambench.Runner.Specs;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>
/// The target a run goes to: the local platform, started here, or AWS after the doctor's checks (region, credentials,
/// stack, the spec's functions, log groups, permissions) have passed, so a run that would fail creates nothing on AWS.
/// </summary>
internal static class RunTargetStarter
{
    /// <summary>
    /// What must hold before anything is written for a run: the template is there and, for AWS, the doctor's checks
    /// pass (region, credentials, stack, the spec's functions, log groups, permissions).
    /// </summary>
    /// <returns>null when the run can go on (with the region for AWS), else the exit code; what failed is printed.</returns>
    public static async Task<(int? Exit, string? Region)> PreflightAsync(IAnsiConsole console, RunRequest request, ExperimentSpec spec, Platform target, CancellationToken cancellation)
    {
        var templatePath = RepositoryLayout.Template(request.Template);
        if (templatePath is null || !File.Exists(templatePath))
        {
            console.MarkupLine("[red]error:[/] no infra/template.yaml above the current directory; pass --template. Nothing was run or written.");
            return (ExitCodes.BadInput, null);
        }

        if (target != Platform.Aws)
        {
            return (null, null);
        }

        var (region, source) = AwsChecks.ResolveRegion(request.Region);
        var names = spec.Configurations.Select(c => c.FunctionName(request.Stack, spec.Workload)).ToHashSet(StringComparer.Ordinal);
        console.MarkupLine("Checking the AWS account (lambench doctor):");
        try
        {
            if (!await AwsChecks.PrintAsync(console, region, source, AwsChecks.Expected(templatePath, request.Stack, names), cancellation))
            {
                console.MarkupLine("[red]error:[/] nothing was run or written: fix what failed above (lambench doctor checks it again in seconds)");
                return (ExitCodes.Failed, null);
            }
        }
        catch (TemplateException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return (ExitCodes.BadInput, null);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled; nothing was run or written.");
            return (ExitCodes.Cancelled, null);
        }

        return (null, region);
    }

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
