using System.Diagnostics;
using Spectre.Console;

namespace Lambench.Cli;

/// <summary>
/// Prints each step as it starts, with the time since the command began. Synchronous on purpose: Progress&lt;T&gt; posts
/// to the thread pool and would print steps out of order. Lines, not a live widget, so CI logs show them too.
/// </summary>
public sealed class ConsoleProgress(IAnsiConsole console) : IProgress<string>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public void Report(string value) => console.MarkupLineInterpolated($"[grey]{_clock.Elapsed.TotalSeconds,6:F1} s[/] {value}");
}
