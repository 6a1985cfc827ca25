using System.CommandLine;
using Lambench.Analysis;
using Lambench.Experiments;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Collection;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Execution;
using Lambench.Runner.Plans;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary><c>lambench run</c>: an experiment spec run end to end (plan, journal, invocations, collection, report), resumable.</summary>
public static class RunCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var input = new Argument<string>("spec")
        {
            Description = "An experiment spec (experiments/*.yaml), or a run directory to resume or collect again.",
        };
        var output = new Option<string?>("--out", "-o") { Description = "The run directory. Default: runs/<spec file name>-<UTC time>. A directory holding a run of the same spec is resumed." };
        var targetOption = new Option<string?>("--target") { Description = "local (the embedded platform, no AWS account) or aws (the deployed stack). Default: the spec's target." };
        targetOption.AcceptOnlyFromAmong([.. Vocabulary<Platform>.Names]);
        var stack = new Option<string>("--stack") { Description = "The stack whose functions run (infra/template.yaml names them <stack>-<runtime>-<workload>-<arch>).", DefaultValueFactory = _ => TemplateReader.DefaultStackName };
        var region = new Option<string?>("--region") { Description = "AWS region for --target aws. Default: AWS_REGION, then the profile's region." };
        var template = new Option<string?>("--template") { Description = "The SAM template the local platform runs. Default: infra/template.yaml of the repository." };
        var seed = new Option<int?>("--seed") { Description = "Seed of a random order when the spec gives none (it is recorded in plan.json either way)." };
        var maxInvocations = new Option<long>("--max-invocations") { Description = $"The most invocations a new run's plan may hold (default {RunPlanBuilder.DefaultMaxInvocations:N0}, at most {RunPlanBuilder.MaxInvocationsCeiling:N0}): a spec that asks for more is refused with the number, before anything is written.", DefaultValueFactory = _ => RunPlanBuilder.DefaultMaxInvocations };
        maxInvocations.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() is < 1 or > RunPlanBuilder.MaxInvocationsCeiling)
            {
                r.AddError($"--max-invocations is from 1 to {RunPlanBuilder.MaxInvocationsCeiling:N0}");
            }
        });
        var setAside = new Option<bool>("--set-aside-damaged-journal") { Description = "Resume a run whose journal.jsonl has damaged lines: move them to journal.damaged.jsonl (kept) and run again the steps they recorded. Without it such a run stops and says which lines are damaged." };
        var noReport = new Option<bool>("--no-report") { Description = "Stop after invocations.csv; do not write report/." };
        var noStatic = new Option<bool>("--no-static-figures") { Description = "Report without SVG/PNG export (which needs Chromium)." };
        var language = new Option<string>("--lang") { Description = "Language of the report: en or pt-BR.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "pt-BR");
        var collect = new Option<string>("--collect") { Description = "How REPORT lines are fetched: filter (FilterLogEvents), insights (Logs Insights queries, split when a window returns 10,000 rows), or auto (insights above 5,000 invocations per configuration).", DefaultValueFactory = _ => "auto" };
        collect.AcceptOnlyFromAmong("auto", "filter", "insights");
        var throttle = new Option<double>("--local-throttle-fraction") { Description = "Local target only, for testing: the fraction of invocations the platform refuses with TooManyRequestsException (retried with backoff and counted).", DefaultValueFactory = _ => 0 };
        var collectTimeout = new Option<int?>("--collect-timeout") { Description = "Seconds to keep asking for REPORT lines that have not arrived (default: 180 on aws, 30 locally); the rest are listed in collection.json and the run exits 1 (collect again later with `lambench run <dir>`)." };
        var logDelay = new Option<int>("--local-log-delay-ms") { Description = "Local target only, for testing: how long log lines take to become searchable, as on CloudWatch.", DefaultValueFactory = _ => 0 };
        throttle.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is < 0 or > 1 or double.NaN)
            {
                r.AddError("--local-throttle-fraction is a fraction from 0 to 1");
            }
        });
        collectTimeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0)
            {
                r.AddError("--collect-timeout must be zero or more seconds");
            }
        });
        logDelay.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--local-log-delay-ms must be zero or more");
            }
        });

        var command = new Command("run", """
            Run an experiment spec in its protocol.rounds full passes, each on fresh execution environments: configure
            each configuration (memory, reserved concurrency), send the discarded warm-ups, force the cold starts (an
            environment variable change, then a wait until the update is active), send the warm repetitions; collect
            the REPORT lines by request id and report (for a production mix: `lambench report ... --cold-share 5%`).

            With --target aws the account is checked first, as `lambench doctor` does (region, credentials, the stack
            and its template, the spec's functions, log groups, permission to read logs and metrics), and nothing runs
            if a check fails; then the most the run can cost is printed (every invocation billed to the timeout), and
            after the run what it cost, both priced with the run's region's file in data/prices.

            The run directory holds spec.yaml, plan.json, journal.jsonl (append-only, written before and after every
            step), logs/, invocations.csv, collection.json and report/. Stopped by Ctrl+C, a crash or kill -9, the
            same command (or `lambench run <dir>`) resumes where it stopped; nothing is lost or counted twice.

            Examples:
              lambench run experiments/quickstart.yaml --out runs/quickstart
              lambench run runs/quickstart                      (resume, or collect again)
              lambench run experiments/arch-compute.yaml --target aws --region us-east-1
            """)
        {
            input, output, targetOption, stack, region, template, seed, maxInvocations, setAside, collect, collectTimeout, noReport, noStatic, language, throttle, logDelay,
        };
        command.SetAction((result, cancellation) => RunAsync(console, new RunRequest
        {
            Input = result.GetValue(input)!,
            Output = result.GetValue(output),
            Target = result.GetValue(targetOption) is { } targetName ? Vocabulary<Platform>.Parse(targetName) : null,
            Stack = result.GetValue(stack)!,
            Region = result.GetValue(region),
            Template = result.GetValue(template),
            Seed = result.GetValue(seed),
            MaxInvocations = result.GetValue(maxInvocations),
            SetAsideDamagedJournal = result.GetValue(setAside),
            Report = !result.GetValue(noReport),
            StaticFigures = !result.GetValue(noStatic),
            Language = result.GetValue(language)!,
            ThrottleFraction = result.GetValue(throttle),
            LogDelay = TimeSpan.FromMilliseconds(result.GetValue(logDelay)),
            CollectTimeout = result.GetValue(collectTimeout) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Collect = result.GetValue(collect) switch { "filter" => LogCollectionMethod.FilterLogEvents, "insights" => LogCollectionMethod.Insights, _ => LogCollectionMethod.Auto },
        }, cancellation));
        return command;
    }

    public static async Task<int> RunAsync(IAnsiConsole console, RunRequest request, CancellationToken cancellation)
    {
        var observer = new ConsoleExperimentObserver(console);
        var (opened, refusal) = await new RunOpener(observer).OpenAsync(new RunOpenRequest
        {
            Input = request.Input,
            Output = request.Output ?? DefaultOutput(request.Input),
            TemplatePath = RepositoryLayout.Template(request.Template),
            TemplateGiven = request.Template is not null,
            Stack = request.Stack,
            Target = request.Target,
            Region = request.Region,
            Seed = request.Seed,
            MaxInvocations = request.MaxInvocations,
            SetAsideDamagedJournal = request.SetAsideDamagedJournal,
        }, cancellation);
        if (opened is null)
        {
            return Print(console, refusal!);
        }

        using var held = opened;
        var run = opened.Run;
        var spec = run.Spec;
        var targetName = opened.Target.Name();
        var plan = run.Plan;
        console.MarkupLineInterpolated($"[bold]{spec.Name}[/] on {targetName}: {spec.Configurations.Count} configuration(s), {plan.Invocations()} invocations ({plan.Invocations(StepPhase.Warmup)} warm-up, {plan.Invocations(StepPhase.Cold)} cold, {plan.Invocations(StepPhase.Warm)} warm), order {plan.Order.Name()}{(plan.Seed is { } s ? $" (seed {s})" : string.Empty)}");
        console.MarkupLineInterpolated($"Run directory: {run.Root}{(run.IsResumed ? " (resuming)" : string.Empty)}");
        foreach (var note in spec.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }

        var session = await RunTargetStarter.StartAsync(console, request, run, opened.Target, opened.Region, cancellation);
        if (session.Session is null)
        {
            return session.Exit;
        }

        await using var started = session.Session;
        started.Adjust(t => t with { Collection = request.Collect, CollectionTimeout = request.CollectTimeout ?? t.CollectionTimeout });
        var options = new PipelineOptions { Report = request.Report, StaticFigures = request.StaticFigures, Language = ReportLanguage.Parse(request.Language) };
        return Print(console, await new ExperimentPipeline(started.Target, observer).RunAsync(run, options, cancellation));
    }

    /// <summary>How the run ended, as lines and an exit code.</summary>
    private static int Print(IAnsiConsole console, PipelineResult result)
    {
        switch (result.Status)
        {
            case PipelineStatus.Complete:
                return ExitCodes.Success;
            case PipelineStatus.Incomplete:
                console.MarkupLineInterpolated($"[red]Incomplete:[/] {result.Message}");
                return ExitCodes.Failed;
            case PipelineStatus.Cancelled:
                console.MarkupLineInterpolated($"{result.Message}");
                return ExitCodes.Cancelled;
        }

        console.MarkupLineInterpolated($"[red]error:[/] {result.Message}");
        foreach (var line in result.Details ?? [])
        {
            console.WriteLine(line);
        }

        return result.Status == PipelineStatus.BadInput ? ExitCodes.BadInput : ExitCodes.Failed;
    }

    private static string DefaultOutput(string specPath) =>
        Path.Combine(RepositoryLayout.Root() ?? Environment.CurrentDirectory, "runs", $"{Path.GetFileNameWithoutExtension(specPath)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
}
