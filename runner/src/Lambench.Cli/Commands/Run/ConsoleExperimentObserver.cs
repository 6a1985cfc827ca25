using System.Globalization;
using Lambench.Analysis.Report;
using Lambench.Experiments;
using Lambench.Runner.Collection;
using Lambench.Runner.Costs;
using Lambench.Runner.Execution;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>Opening's and the pipeline's news as lines on the console (CI logs keep them).</summary>
internal sealed class ConsoleExperimentObserver(IAnsiConsole console) : IExperimentObserver, IRunOpeningObserver
{
    public void CheckingAccount() => console.MarkupLine("Checking the AWS account (lambench doctor):");

    public void AccountChecked(IReadOnlyList<Runner.Doctor.DoctorCheck> checks) => Doctor.AwsChecks.Print(console, checks);

    public IProgress<string> Progress { get; } = new ConsoleProgress(console);

    public IProgress<RunProgress> Steps { get; } = new StepPrinter(console);

    public void Estimated(RunCost estimate, int timeoutSeconds, RunPricing pricing, string? loadNote)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Estimated cost on AWS ({pricing.Description}): at most {estimate.ToOneLine($"each billed to the {timeoutSeconds} s timeout")}; SQS's empty polls between messages are extra.");
        if (loadNote is not null)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {loadNote}");
        }
    }

    public void Executed(RunExecution execution) =>
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Steps: {execution.StepsRun} run now, {execution.StepsAlreadyDone} done before, in {execution.Elapsed.TotalSeconds:F1} s; {execution.Throttles} throttled call(s) retried.");

    public void Collected(CollectionResult collection, string invocationsPath)
    {
        console.MarkupLineInterpolated($"Collected: {collection.ToOneLine()}");
        console.MarkupLineInterpolated($"Wrote {invocationsPath}");
    }

    public void Cost(RunCost cost, RunPricing pricing) =>
        console.MarkupLineInterpolated($"What the run cost ({pricing.Description}): {cost.ToOneLine("billed durations of its REPORT lines, warm-ups included")}");

    public void Warning(string message) => console.MarkupLineInterpolated($"[yellow]warning:[/] {message}");

    public void ReportWritten(ReportOutcome outcome, int invocations, string indexPath) => Report.ReportWrittenLine.Print(console, outcome, invocations, indexPath);
}
