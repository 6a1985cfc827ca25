using Lambench.Analysis.Report;
using Spectre.Console;

namespace Lambench.Cli.Commands.Report;

/// <summary>The line that ends a report, from `report` and from `run` alike: where it is and what it holds.</summary>
internal static class ReportWrittenLine
{
    public static void Print(IAnsiConsole console, ReportOutcome outcome, int invocations, string indexPath)
    {
        var configurations = outcome.Summary.Rows.Select(r => r.Configuration).Distinct().Count();
        console.MarkupLineInterpolated($"[green]Report written[/] to {indexPath}: {invocations} invocations, {configurations} configuration(s), {outcome.Summary.Comparisons.Count} comparison row(s), {outcome.FilesWritten.Count} files.");
    }
}
