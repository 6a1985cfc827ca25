using System.Globalization;
using Lambench.Runner.Execution;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>Progress as lines (CI logs keep them): each configuration's start, then about every 5% of the steps.</summary>
internal sealed class StepPrinter(IAnsiConsole console) : IProgress<RunProgress>
{
    private readonly ConsoleProgress lines = new(console);
    private int lastBucket = -1;

    public void Report(RunProgress value)
    {
        var bucket = value.Done * 20 / Math.Max(1, value.Total);
        var milestone = value.Activity.EndsWith(": configure", StringComparison.Ordinal) || value.Activity.Contains("re-applying", StringComparison.Ordinal);
        if (milestone || bucket > lastBucket)
        {
            lastBucket = bucket;
            lines.Report(string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} steps · {value.Activity}"));
        }
    }
}
