using Lambench.Core.Specs;
using Lambench.Core.Vocabulary;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Doctor;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Specs;

namespace Lambench.Experiments;

/// <summary>
/// Opens the run directory a run works in, only once everything that can be checked beforehand holds: the spec (or
/// the run to resume) and its size, the template and, for AWS, the account. Only then are a new run's spec.yaml and
/// plan.json written, the journal checked (a damaged one stops a resume unless its lines are to be set aside) and the
/// directory locked. Every refusal is a <see cref="PipelineResult"/> whose message is one line.
/// </summary>
/// <param name="checkAccount">the AWS account checks (<see cref="AwsAccountCheck.RunAsync"/>; a fake in tests).</param>
public sealed class RunOpener(IRunOpeningObserver observer, Func<string?, string, ExpectedDeployment, CancellationToken, Task<IReadOnlyList<DoctorCheck>>>? checkAccount = null)
{
    private const string NothingDone = "nothing was run or written";

    public async Task<(OpenedRun? Run, PipelineResult? Refusal)> OpenAsync(RunOpenRequest request, CancellationToken cancellation)
    {
        RunDirectory? existing = null;
        ExperimentSpec spec;
        try
        {
            if (Directory.Exists(request.Input))
            {
                existing = RunDirectory.Open(request.Input);
                spec = existing.Spec;
            }
            else
            {
                spec = new ExperimentSpecReader().Read(request.Input);
                if (!File.Exists(Path.Combine(request.Output, "plan.json")))
                {
                    RunDirectory.CheckSize(spec, request.Input, request.MaxInvocations);
                }
            }
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            return (null, refusal);
        }

        var target = request.Target ?? spec.Target;
        var (region, preflight) = await PreflightAsync(request, spec, target, cancellation);
        if (preflight is not null)
        {
            return (null, preflight);
        }

        try
        {
            var run = existing ?? RunDirectory.Prepare(request.Output, request.Input, request.Seed, request.MaxInvocations, spec);
            return CheckJournal(request, run) is { } journal ? (null, journal) : (new OpenedRun(run, target, region, run.Lock()), null);
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            return (null, refusal);
        }
    }

    /// <summary>The template is there and, for AWS, the account checks pass; the region they passed in.</summary>
    private async Task<(string? Region, PipelineResult? Refusal)> PreflightAsync(RunOpenRequest request, ExperimentSpec spec, Platform target, CancellationToken cancellation)
    {
        if (request.TemplatePath is null || !File.Exists(request.TemplatePath))
        {
            return (null, new PipelineResult(PipelineStatus.BadInput, "no infra/template.yaml above the current directory; pass --template. Nothing was run or written."));
        }

        if (target != Platform.Aws)
        {
            return (null, null);
        }

        var (region, source) = AwsAccountCheck.ResolveRegion(request.Region);
        var names = spec.Configurations.Select(c => c.FunctionName(request.Stack, spec.Workload)).ToHashSet(StringComparer.Ordinal);
        try
        {
            var expected = AwsAccountCheck.Expected(request.TemplatePath, request.Stack, names);
            observer.CheckingAccount();
            var checks = await (checkAccount ?? AwsAccountCheck.RunAsync)(region, source, expected, cancellation);
            observer.AccountChecked(checks);
            return checks.Any(c => c.Outcome == CheckOutcome.Failed)
                ? (null, new PipelineResult(PipelineStatus.Failed, $"{NothingDone}: fix what failed above (lambench doctor checks it again in seconds)"))
                : (region, null);
        }
        catch (TemplateException e)
        {
            return (null, new PipelineResult(PipelineStatus.BadInput, e.Message));
        }
        catch (OperationCanceledException)
        {
            return (null, new PipelineResult(PipelineStatus.Cancelled, $"Cancelled; {NothingDone}."));
        }
    }

    /// <summary>Sets a damaged journal's lines aside when asked; otherwise a damaged journal refuses the run, saying how to go on.</summary>
    private PipelineResult? CheckJournal(RunOpenRequest request, RunDirectory run)
    {
        if (request.SetAsideDamagedJournal)
        {
            var lines = RunJournal.SetAsideDamaged(run.JournalPath);
            if (lines.Count > 0)
            {
                observer.Warning($"set aside {lines.Count} damaged journal line(s) ({string.Join(", ", lines.Take(10))}) in {RunJournal.SetAsidePath(run.JournalPath)}; the steps they recorded run again");
            }
        }

        try
        {
            RunJournal.Open(run.JournalPath).Dispose();
            return null;
        }
        catch (JournalDamagedException e)
        {
            var template = request.TemplateGiven ? $" --template {Path.GetFullPath(request.TemplatePath!)}" : string.Empty;
            return new PipelineResult(PipelineStatus.BadInput, e.Message,
            [
                $"The journal records every step; a damaged line cannot be trusted, so nothing was run. The lines can be moved to {Path.GetFileName(RunJournal.SetAsidePath(run.JournalPath))}; the steps they recorded then run again as new attempts, and anything they sent is left out of the results. To go on without them:",
                $"  lambench run {run.Root} --set-aside-damaged-journal{template}",
            ]);
        }
    }

    /// <summary>What the user can fix, as a refusal; null for anything else (a bug: not swallowed).</summary>
    private static PipelineResult? Refusal(Exception e) => e switch
    {
        SpecException spec => new PipelineResult(PipelineStatus.BadInput, $"{spec.Errors.Count} error(s) in the spec; {NothingDone}:", [.. spec.Errors.Select(error => "  " + error)]),
        RunDirectoryException or IOException or UnauthorizedAccessException or JournalDamagedException => new PipelineResult(PipelineStatus.BadInput, e.Message),
        _ => null,
    };
}
