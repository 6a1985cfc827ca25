using System.Diagnostics;
using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS.Model;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Aws;
using Lambench.Runner.Channels;
using Lambench.Runner.Collection;
using Lambench.Runner.Journal;
using Lambench.Runner.Loads;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Execution;

/// <summary>
/// Runs a plan step by step against a target, writing the journal before and after every step, so that a run
/// stopped at any instant resumes where it stopped and never counts an invocation twice. Configure sets memory and
/// reserved concurrency and waits until the update is active; a cold step first changes an environment variable
/// (which retires the warm environments, on AWS as locally) and waits again; an invoke sends one batch through the
/// spec's channel (<see cref="IInvocationChannel"/>), which returns when the invocation has ended; a writer batch's DynamoDB items are counted.
/// </summary>
public sealed class ExperimentRunner(RunTarget target)
{
    /// <summary>The variable a forced cold start changes; configure removes it again.</summary>
    public const string ForceColdVariable = "LAMBENCH_FORCE_COLD";

    /// <summary>
    /// The variable configure sets to the run and round: every round's configure is a configuration change, so each
    /// round starts on fresh execution environments (on AWS as locally), as replicated trials need.
    /// </summary>
    public const string RoundVariable = "LAMBENCH_ROUND";

    private readonly Dictionary<string, FunctionConfiguration> functions = new(StringComparer.Ordinal);
    private IInvocationChannel? channel;

    // The configuration whose settings this process applied; a resumed run re-applies them before its first invoke.
    private string? applied;

    /// <summary>Runs every step the journal does not record as done.</summary>
    /// <exception cref="RunException">the target does not fit the spec, or a step failed (it is journaled; run again to resume).</exception>
    /// <exception cref="OperationCanceledException">Ctrl+C: the step in progress is journaled as abandoned.</exception>
    public async Task<RunExecution> ExecuteAsync(RunDirectory run, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var spec = run.Spec;
        var plan = run.Plan;
        var configurations = spec.Configurations.ToDictionary(c => c.Name, StringComparer.Ordinal);
        using var journal = RunJournal.Open(run.JournalPath);
        var status = journal.Status();
        var total = plan.Steps.Count;
        var done = plan.Steps.Count(s => status.GetValueOrDefault(s.Index)?.IsDone == true);
        var skipped = done;
        var watch = Stopwatch.StartNew();
        if (done == total)
        {
            return new RunExecution(0, skipped, watch.Elapsed, 0);
        }

        progress?.Report(new RunProgress(done, total, "checking the functions"));
        await PreflightAsync(spec, cancellation);
        await ReaderSeed.WriteAsync(target.DynamoDb, target.TableName, spec, TimeProvider.System, new Progress<string>(text => progress?.Report(new RunProgress(done, total, text))), cancellation);
        var throttlesBefore = target.Lambda.Throttles + target.FunctionUrls.Throttles;
        foreach (var step in plan.Steps)
        {
            var current = status.GetValueOrDefault(step.Index);
            if (current?.IsDone == true)
            {
                continue;
            }

            cancellation.ThrowIfCancellationRequested();
            if (current?.IsInterrupted == true)
            {
                journal.Append(new JournalEntry(step.Index, current.Attempt, JournalEntry.Abandoned, DateTimeOffset.UtcNow, current.BatchId, Detail: "interrupted (the runner stopped during this step); its invocation, if any, is left out of the results"));
            }

            var attempt = (current?.Attempt ?? 0) + 1;
            var configuration = configurations[step.Configuration];
            if (step.Kind != StepKind.Configure && applied != step.Configuration)
            {
                progress?.Report(new RunProgress(done, total, $"{step.Configuration}: re-applying its settings after a resume"));
                await ReapplyAsync(journal, spec, plan, step, attempt, configuration, cancellation);
            }

            var batchId = step.Kind == StepKind.Configure ? null : step.BatchId(plan.RunId, attempt);
            progress?.Report(new RunProgress(done, total, Describe(step)));
            journal.Append(new JournalEntry(step.Index, attempt, JournalEntry.Started, DateTimeOffset.UtcNow, batchId));
            try
            {
                var entry = step.Kind switch
                {
                    StepKind.Configure => await ConfigureAsync(spec, plan, configuration, step, attempt, cancellation),
                    StepKind.Load => await LoadAsync(run, configuration, step, batchId!, attempt, progress, done, total, cancellation),
                    _ => await InvokeAsync(spec, configuration, step, batchId!, attempt, cancellation),
                };
                journal.Append(entry);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                journal.Append(new JournalEntry(step.Index, attempt, JournalEntry.Abandoned, DateTimeOffset.UtcNow, batchId, Detail: "stopped by the user; its invocation, if any, is left out of the results"));
                throw;
            }
            catch (Exception e) when (e is AwsServiceException or AmazonServiceException or HttpRequestException or RunException or TaskCanceledException)
            {
                journal.Append(new JournalEntry(step.Index, attempt, JournalEntry.Failed, DateTimeOffset.UtcNow, batchId, Detail: e.Message));
                throw new RunException($"step {step.Index} ({Describe(step)}) failed: {e.Message}. It is in the journal; run again to resume from it.", e);
            }

            done++;
            progress?.Report(new RunProgress(done, total, Describe(step)));
        }

        return new RunExecution(total - skipped, skipped, watch.Elapsed, target.Lambda.Throttles + target.FunctionUrls.Throttles - throttlesBefore);
    }

    /// <summary>"go-x86_64-512mb sort-2k warm 3", with " (round 2)" after round 1: what a step does, for progress and errors.</summary>
    public static string Describe(PlanStep step)
    {
        var what = step.Kind switch
        {
            StepKind.Configure => $"{step.Configuration}: configure",
            StepKind.Load => $"{step.Configuration} {step.Batch} load",
            _ => string.Create(CultureInfo.InvariantCulture, $"{step.Configuration} {step.Batch} {step.Phase?.Name()} {step.Repetition}"),
        };
        return step.Round > 1 ? string.Create(CultureInfo.InvariantCulture, $"{what} (round {step.Round})") : what;
    }

    /// <summary>Every function of the spec exists here, is Active, has the configuration's architecture and one shared timeout; its queue or URL is found.</summary>
    private async Task PreflightAsync(ExperimentSpec spec, CancellationToken cancellation)
    {
        channel = InvocationChannels.For(spec.Channel, spec.Workload, target, spec.Protocol);
        var problems = new List<string>();
        foreach (var configuration in spec.Configurations)
        {
            var name = configuration.FunctionName(target.StackName, spec.Workload);
            FunctionConfiguration function;
            try
            {
                function = await target.Lambda.GetFunctionConfigurationAsync(name, cancellation);
            }
            catch (AwsServiceException e) when (e.ErrorType == "NoCredentials")
            {
                throw new RunException($"nothing was run: {e.Message}", e);
            }
            catch (AwsServiceException e)
            {
                problems.Add($"{name}: {e.Message} (deploy the stack {target.StackName} first: lambench deploy)");
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new RunException($"nothing was run: {target.Platform.Name()} cannot be reached ({e.Message})", e);
            }

            functions[name] = function;
            if (function.State != "Active")
            {
                problems.Add($"{name} is {function.State}: {function.StateReason ?? "no reason given"}");
            }

            if (function.Architecture != configuration.Architecture)
            {
                // Never relabel: a configuration's rows come only from a function of its architecture.
                problems.Add($"{name} runs on {function.Architecture}, but the configuration {configuration.Name} is {configuration.Architecture}");
            }

            if (await channel!.PreflightAsync(configuration, name, cancellation) is { } problem)
            {
                problems.Add(problem);
            }
        }

        var timeouts = functions.Values.GroupBy(f => f.Timeout).ToList();
        if (timeouts.Count > 1)
        {
            problems.Add("the functions compared have different timeouts (" + string.Join(", ", timeouts.Select(g => $"{g.Key} s: {string.Join(", ", g.Select(f => f.FunctionName))}")) + "); fairness needs one timeout");
        }

        if (problems.Count > 0)
        {
            throw new RunException("the target does not fit the spec, nothing was run:\n  " + string.Join("\n  ", problems));
        }
    }

    private async Task<JournalEntry> ConfigureAsync(ExperimentSpec spec, RunPlan plan, ConfigurationSpec configuration, PlanStep step, int attempt, CancellationToken cancellation)
    {
        var name = configuration.FunctionName(target.StackName, spec.Workload);
        var environment = functions[name].Environment.Where(v => v.Key != ForceColdVariable).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        environment[RoundVariable] = string.Create(CultureInfo.InvariantCulture, $"{plan.RunId}-{step.Round}");
        functions[name] = await target.Lambda.UpdateFunctionConfigurationAsync(name, configuration.MemoryMb, environment, target.UpdateWait, cancellation);
        await target.Lambda.SetReservedConcurrencyAsync(name, spec.Protocol.ReservedConcurrency, cancellation);
        applied = configuration.Name;
        var reserved = spec.Protocol.ReservedConcurrency?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return new JournalEntry(step.Index, attempt, JournalEntry.Done, DateTimeOffset.UtcNow,
            Detail: $"{name}: memory {functions[name].MemorySize} MB, timeout {functions[name].Timeout} s, reserved concurrency {reserved}");
    }

    /// <summary>
    /// A resumed run starts a block part-way: the settings may have changed meanwhile and the environments are gone
    /// (a local platform died with the runner), so it re-applies them and sends one discarded warm-up, under a batch
    /// id of its own, before the next measured step.
    /// </summary>
    private async Task ReapplyAsync(RunJournal journal, ExperimentSpec spec, RunPlan plan, PlanStep step, int attempt, ConfigurationSpec configuration, CancellationToken cancellation)
    {
        // The configure step of the block the resumed step belongs to (its round's).
        var configure = plan.Steps.Last(s => s.Kind == StepKind.Configure && s.Configuration == step.Configuration && s.Index < step.Index);
        var entry = await ConfigureAsync(spec, plan, configuration, configure, attempt, cancellation);
        var warmup = new PlanStep(step.Index, StepKind.Invoke, step.Configuration, spec.Batches[0].Label, StepPhase.Warmup, 0, step.Round);
        var batchId = $"{step.BatchId(plan.RunId, attempt)}-rewarm";
        await InvokeAsync(spec, configuration, warmup, batchId, attempt, cancellation);
        journal.Append(new JournalEntry(step.Index, attempt, JournalEntry.Resumed, DateTimeOffset.UtcNow, batchId, Detail: $"settings re-applied ({entry.Detail}) and one discarded warm-up sent before resuming"));
    }

    private async Task<JournalEntry> LoadAsync(RunDirectory run, ConfigurationSpec configuration, PlanStep step, string batchId, int attempt, IProgress<RunProgress>? progress, int done, int total, CancellationToken cancellation)
    {
        var name = configuration.FunctionName(target.StackName, run.Spec.Workload);
        var batch = run.Spec.Batches.First(b => b.Label == step.Batch);
        var loadProgress = progress is null ? null : new Progress<string>(p => progress.Report(new RunProgress(done, total, $"{Describe(step)}: {p}")));
        var detail = await new LoadStepRunner(channel!).RunAsync(run, configuration, name, batch, batchId, step.Round, loadProgress, cancellation);
        return new JournalEntry(step.Index, attempt, JournalEntry.Done, DateTimeOffset.UtcNow, batchId, Detail: detail);
    }

    private async Task<JournalEntry> InvokeAsync(ExperimentSpec spec, ConfigurationSpec configuration, PlanStep step, string batchId, int attempt, CancellationToken cancellation)
    {
        var name = configuration.FunctionName(target.StackName, spec.Workload);
        var batch = spec.Batches.First(b => b.Label == step.Batch);
        var message = BatchPayload.Create(batch, batchId, step.Repetition, step.Round).ToJsonString();
        if (step.Phase == StepPhase.Cold)
        {
            var environment = new Dictionary<string, string>(functions[name].Environment, StringComparer.Ordinal) { [ForceColdVariable] = batchId };
            functions[name] = await target.Lambda.UpdateFunctionConfigurationAsync(name, null, environment, target.UpdateWait, cancellation);
        }

        var (requestId, detail) = await channel!.SendAsync(configuration, name, message, cancellation);
        if (requestId is "")
        {
            throw new RunException($"{name} answered without a request id; its REPORT line could not be matched");
        }

        int? items = spec.Workload == Workload.Writer ? await CountItemsAsync(batchId, cancellation) : null;
        return new JournalEntry(step.Index, attempt, JournalEntry.Done, DateTimeOffset.UtcNow, batchId, requestId, detail, items);
    }

    /// <summary>The items the writer put for one batch (pk batch_id#&lt;id&gt;), counted with consistent reads.</summary>
    private async Task<int> CountItemsAsync(string batchId, CancellationToken cancellation) =>
        (await new WriterItems(target.DynamoDb, target.TableName).ReadAsync(batchId, cancellation)).Count;
}
