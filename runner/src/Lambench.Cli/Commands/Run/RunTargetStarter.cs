using Lambench.Cli.Commands.Doctor;
using Lambench.LocalPlatform;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Execution;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>
/// The target a run goes to: the local platform, started here, or AWS after the doctor's checks (region, credentials,
/// stack, the spec's functions, log groups, permissions) have passed, so a run that would fail creates nothing on AWS.
/// </summary>
internal static class RunTargetStarter
{
    /// <returns>the exit code when no target could be had (Target null), else the target and the platform to dispose.</returns>
    public static async Task<(int Exit, LocalPlatform.LocalPlatform? Platform, RunTarget? Target)> StartAsync(
        IAnsiConsole console, RunRequest request, RunDirectory run, string targetName, HttpClient http, CancellationToken cancellation)
    {
        var templatePath = RepositoryLayout.Template(request.Template);
        if (templatePath is null || !File.Exists(templatePath))
        {
            console.MarkupLine("[red]error:[/] no infra/template.yaml above the current directory; pass --template");
            return (ExitCodes.BadInput, null, null);
        }

        try
        {
            return targetName == "local"
                ? await StartLocalAsync(console, request, run, templatePath, http, cancellation)
                : await StartAwsAsync(console, request, run, templatePath, http, cancellation);
        }
        catch (Exception e) when (e is TemplateException or IOException or InvalidDataException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return (ExitCodes.BadInput, null, null);
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return (ExitCodes.Cancelled, null, null);
        }
    }

    private static async Task<(int, LocalPlatform.LocalPlatform?, RunTarget?)> StartLocalAsync(
        IAnsiConsole console, RunRequest request, RunDirectory run, string templatePath, HttpClient http, CancellationToken cancellation)
    {
        var platform = await LocalPlatform.LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            TemplatePath = templatePath,
            Port = 0,
            WorkDirectory = RepositoryLayout.LocalWorkDirectory(),
            StackName = request.Stack,
            LogDirectory = run.PlatformLogsDirectory,
            LogIngestionDelay = request.LogDelay,
            ThrottleFraction = request.ThrottleFraction,
        }, new ConsoleProgress(console), cancellation);
        var target = RunTargets.Local(http, platform.Endpoint, platform.DynamoDbEndpoint, request.Stack, LocalPlatform.LocalPlatform.Region, LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey);
        console.MarkupLine("[grey]Local platform: timings are this machine's, labelled platform=local, never AWS figures.[/]");
        return (ExitCodes.Success, platform, target);
    }

    private static async Task<(int, LocalPlatform.LocalPlatform?, RunTarget?)> StartAwsAsync(
        IAnsiConsole console, RunRequest request, RunDirectory run, string templatePath, HttpClient http, CancellationToken cancellation)
    {
        var (region, source) = AwsChecks.ResolveRegion(request.Region);
        var names = run.Spec.Configurations.Select(c => c.FunctionName(request.Stack, run.Spec.Workload)).ToHashSet(StringComparer.Ordinal);
        console.MarkupLine("Checking the AWS account (lambench doctor):");
        if (!await AwsChecks.PrintAsync(console, region, source, AwsChecks.Expected(templatePath, request.Stack, names), cancellation))
        {
            console.MarkupLine("[red]error:[/] nothing was run: fix what failed above (lambench doctor checks it again in seconds)");
            return (ExitCodes.Failed, null, null);
        }

        return (ExitCodes.Success, null, RunTargets.Aws(http, request.Stack, region!));
    }
}
