using System.Globalization;
using Lambench.Runner.Execution;
using Spectre.Console;

namespace Lambench.Cli.Commands.Run;

/// <summary>
/// Progress as lines (CI logs keep them): each configuration's start, then about every 5% of the steps, and at least
/// every 15 s, so a long plan is never silent for minutes.
/// </summary>
internal sealed class StepPrinter(IAnsiConsole console, TimeProvider? time = null) : IProgress<RunProgress>
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly ConsoleProgress lines = new(console);
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private int lastBucket = -1;
    private long lastPrinted;

    public void Report(RunProgress value)
    {
        var bucket = value.Done * 20 / Math.Max(1, value.Total);
        var milestone = value.Activity.EndsWith(": configure", StringComparison.Ordinal) || value.Activity.Contains("re-applying", StringComparison.Ordinal);
        if (milestone || bucket > lastBucket || clock.GetElapsedTime(lastPrinted) >= Interval)
        {
            lastBucket = bucket;
            lastPrinted = clock.GetTimestamp();
            lines.Report(string.Create(CultureInfo.InvariantCulture, $"{value.Done}/{value.Total} steps · {value.Activity}"));
        }
    }
}
