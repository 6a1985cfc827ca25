using Lambench.Core.Vocabulary;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Specs;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>The run directory a run works in, opened only once everything that can be checked beforehand holds.</summary>
internal sealed record RunOpening(RunDirectory Run, Platform Target, string? Region)
{
    /// <summary>
    /// Reads the spec (or the run directory to resume), checks its size, the template and, for AWS, the account; only
    /// then writes the new run's spec.yaml and plan.json. A damaged journal stops a resume here, unless the request
    /// says to set its damaged lines aside. Every failure is printed as one line (a spec's errors, one each).
    /// </summary>
    /// <returns>the run, or the exit code.</returns>
    public static async Task<(RunOpening? Opening, int Exit)> OpenAsync(IAnsiConsole console, RunRequest request, string defaultOutput, CancellationToken cancellation)
    {
        var resume = Directory.Exists(request.Input);
        RunDirectory? existing = null;
        ExperimentSpec spec;
        try
        {
            if (resume)
            {
                existing = RunDirectory.Open(request.Input);
                spec = existing.Spec;
            }
            else
            {
                spec = new ExperimentSpecReader().Read(request.Input);
                if (!File.Exists(Path.Combine(request.Output ?? defaultOutput, "plan.json")))
                {
                    RunDirectory.CheckSize(spec, request.Input, request.MaxInvocations);
                }
            }
        }
        catch (Exception e) when (Failure(console, e) is { } exit)
        {
            return (null, exit);
        }

        var target = request.Target ?? spec.Target;
        var (preflightExit, region) = await RunTargetStarter.PreflightAsync(console, request, spec, target, cancellation);
        if (preflightExit is { } failed)
        {
            return (null, failed);
        }

        try
        {
            var run = existing ?? RunDirectory.Prepare(request.Output ?? defaultOutput, request.Input, request.Seed, request.MaxInvocations, spec);
            return SetAsideOrCheckJournal(console, request, run) is { } journalExit ? (null, journalExit) : (new RunOpening(run, target, region), ExitCodes.Success);
        }
        catch (Exception e) when (Failure(console, e) is { } exit)
        {
            return (null, exit);
        }
    }

    private static int? SetAsideOrCheckJournal(IAnsiConsole console, RunRequest request, RunDirectory run)
    {
        if (request.SetAsideDamagedJournal)
        {
            var lines = RunJournal.SetAsideDamaged(run.JournalPath);
            if (lines.Count > 0)
            {
                console.MarkupLineInterpolated($"[yellow]warning:[/] set aside {lines.Count} damaged journal line(s) ({string.Join(", ", lines.Take(10))}) in {RunJournal.SetAsidePath(run.JournalPath)}; the steps they recorded run again");
            }
        }

        try
        {
            RunJournal.Open(run.JournalPath).Dispose();
            return null;
        }
        catch (JournalDamagedException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            var template = request.Template is { } given ? $" --template {Path.GetFullPath(given)}" : string.Empty;
            console.MarkupLineInterpolated($"The journal records every step; a damaged line cannot be trusted, so nothing was run. The lines can be moved to {Path.GetFileName(RunJournal.SetAsidePath(run.JournalPath))}; the steps they recorded then run again as new attempts, and anything they sent is left out of the results. To go on without them:");
            console.WriteLine($"  lambench run {run.Root} --set-aside-damaged-journal{template}");
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Prints what the user can fix and gives its exit code; null for anything else (a bug: not swallowed).</summary>
    private static int? Failure(IAnsiConsole console, Exception e)
    {
        switch (e)
        {
            case SpecException spec:
                console.MarkupLineInterpolated($"[red]error:[/] {spec.Errors.Count} error(s) in the spec; nothing was run or written:");
                foreach (var error in spec.Errors)
                {
                    console.WriteLine("  " + error);
                }

                return ExitCodes.BadInput;
            case RunDirectoryException or IOException or UnauthorizedAccessException or JournalDamagedException:
                console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
                return ExitCodes.BadInput;
            default:
                return null;
        }
    }
}
