using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Core.Logs;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Aws;
using Lambench.Runner.Collection;
using Lambench.Runner.Costs;
using Lambench.Runner.Execution;

namespace Lambench.Experiments;

/// <summary>
/// An opened, locked run taken to its end on a target: one pricing policy (the run's region's price file) for the
/// estimate, the cost and the report; then execute (resuming where the journal stopped), collect, price and report.
/// What happens is told to the observer; the result says how it ended and, when early, what to do next.
/// </summary>
public sealed class ExperimentPipeline(RunTarget target, IExperimentObserver observer)
{
    public async Task<PipelineResult> RunAsync(RunDirectory run, PipelineOptions options, CancellationToken cancellation)
    {
        RunPricing pricing;
        try
        {
            pricing = RunPricing.ForRegion(target.Region);
        }
        catch (PriceCatalogException e)
        {
            return new PipelineResult(PipelineStatus.BadInput, e.Message);
        }

        var costs = new RunCostEstimator(pricing.Catalog);
        if (target.Platform == Platform.Aws)
        {
            await EstimateAsync(run, costs, pricing, cancellation);
        }

        var (collection, stopped) = await ExecuteAndCollectAsync(run, cancellation);
        if (collection is null)
        {
            return stopped!;
        }

        observer.Collected(collection, run.InvocationsPath);
        if (target.Platform == Platform.Aws)
        {
            observer.Cost(costs.After(run.Spec, collection.RunRows, collection.SentBatches), pricing);
        }

        foreach (var problem in collection.Missing.Concat(collection.Conflicts).Concat(collection.ItemMismatches).Concat(collection.RejectedLines.Select(r => "unreadable REPORT line: " + r)).Take(20))
        {
            observer.Warning(problem);
        }

        if (options.Report && collection.Rows.Count > 0 && await ReportAsync(run, pricing.Catalog, options, cancellation) is { } reportFailure)
        {
            return reportFailure;
        }

        var complete = collection.Missing.Count == 0 && collection.Conflicts.Count == 0 && collection.ItemMismatches.Count == 0;
        return complete ? PipelineResult.Complete : new PipelineResult(PipelineStatus.Incomplete, $"see {run.CollectionPath}; logs may still be arriving: collect again with lambench run {run.Root}");
    }

    /// <summary>The most the plan can cost: every invocation billed to the functions' timeout (which AWS is asked for).</summary>
    private async Task EstimateAsync(RunDirectory run, RunCostEstimator costs, RunPricing pricing, CancellationToken cancellation)
    {
        try
        {
            var first = run.Spec.Configurations[0].FunctionName(target.StackName, run.Spec.Workload);
            var timeout = (await target.Lambda.GetFunctionConfigurationAsync(first, cancellation)).Timeout;
            observer.Estimated(costs.Before(run.Spec, run.Plan, timeout), timeout, pricing, ClosedLoopNote(run.Spec.Load?.Closed));
        }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException)
        {
            observer.Warning($"no cost estimate: {e.Message}");
        }
    }

    private static string? ClosedLoopNote(Runner.Specs.ClosedLoadSpec? closed) => closed switch
    {
        null => null,
        { MostRequests: { } most } => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"the closed-loop users' requests are counted at their most, {most:N0} a load step: each user sending again after its shortest think time, as if answered at once."),
        _ => "the closed-loop users' requests are not in this estimate: they may think 0 ms, so only the answers bound how many they send.",
    };

    private async Task<(CollectionResult? Collection, PipelineResult? Stopped)> ExecuteAndCollectAsync(RunDirectory run, CancellationToken cancellation)
    {
        try
        {
            observer.Executed(await new ExperimentRunner(target).ExecuteAsync(run, observer.Steps, cancellation));
        }
        catch (OperationCanceledException)
        {
            return (null, new PipelineResult(PipelineStatus.Cancelled, $"Stopped. The journal records every finished step; resume with: lambench run {run.Root}"));
        }
        catch (RunException e)
        {
            return (null, new PipelineResult(PipelineStatus.Failed, e.Message));
        }

        try
        {
            return (await new InvocationCollector(target).CollectAsync(run, observer.Progress, cancellation), null);
        }
        catch (OperationCanceledException)
        {
            return (null, new PipelineResult(PipelineStatus.Cancelled, $"Stopped while collecting; collect again with: lambench run {run.Root}"));
        }
        catch (Exception e) when (e is LogFormatException or AwsServiceException or HttpRequestException or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException)
        {
            // The SDK's errors come from reading the writer's items back (DynamoDB): permissions, throttling, the network.
            return (null, new PipelineResult(PipelineStatus.Failed, $"collecting: {e.Message}; collect again with: lambench run {run.Root}"));
        }
    }

    /// <summary>report/ from invocations.csv (and requests.csv beside it), priced with the run's catalog; null when written.</summary>
    private async Task<PipelineResult?> ReportAsync(RunDirectory run, PriceCatalog catalog, PipelineOptions options, CancellationToken cancellation)
    {
        // Chromium starts now: its start-up overlaps reading and summarising the data.
        await using var chromium = FigureFiles.StartChromium(options.StaticFigures, null);
        IReadOnlyList<string> inputs = [run.InvocationsPath];
        var invocations = ReportInputs.Load(inputs, (_, _) => { });
        var reportOptions = new ReportOptions { OutputDirectory = run.ReportDirectory, Language = options.Language, StaticFigures = options.StaticFigures, Chromium = chromium };
        ReportOutcome outcome;
        try
        {
            outcome = await new ReportWriter(catalog).WriteAsync(invocations, inputs, reportOptions, observer.Progress, cancellation);
        }
        catch (OperationCanceledException)
        {
            return new PipelineResult(PipelineStatus.Cancelled, "Cancelled while writing the report; write it again with: lambench run " + run.Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Files go through AtomicFile: a report that cannot be written leaves none half-written.
            return new PipelineResult(PipelineStatus.BadInput, $"cannot write the report to {run.ReportDirectory}: {e.Message}");
        }

        foreach (var warning in outcome.Warnings)
        {
            observer.Warning(warning);
        }

        observer.ReportWritten(outcome, invocations.Count, Path.GetFullPath(Path.Combine(run.ReportDirectory, "index.html")));
        return null;
    }
}
