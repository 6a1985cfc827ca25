using Lambench.Analysis.Report;
using Lambench.Runner.Collection;
using Lambench.Runner.Costs;
using Lambench.Runner.Execution;

namespace Lambench.Experiments;

/// <summary>What the pipeline tells as it goes; the command line prints it.</summary>
public interface IExperimentObserver
{
    /// <summary>Lines of progress (collection, the report's phases).</summary>
    IProgress<string> Progress { get; }

    /// <summary>The steps as they run.</summary>
    IProgress<RunProgress> Steps { get; }

    /// <summary>AWS only: the most the plan can cost, every invocation billed to <paramref name="timeoutSeconds"/>.</summary>
    /// <param name="loadNote">how a closed loop's requests were counted, or null for a spec without one.</param>
    void Estimated(RunCost estimate, int timeoutSeconds, RunPricing pricing, string? loadNote);

    void Executed(RunExecution execution);

    void Collected(CollectionResult collection, string invocationsPath);

    /// <summary>AWS only: what the run cost, from the billed durations of its REPORT lines.</summary>
    void Cost(RunCost cost, RunPricing pricing);

    void Warning(string message);

    void ReportWritten(ReportOutcome outcome, int invocations, string indexPath);
}
