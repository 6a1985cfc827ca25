using System.Diagnostics;
using Spectre.Console;

namespace Lambench.Cli;

/// <summary>Runs an external tool (sam, aws, go) with its output shown as it comes; returns its exit code, its last lines (for an error message) and its standard output.</summary>
public static class ToolProcess
{
    public static async Task<(int Exit, string Tail, string Output)> RunAsync(IAnsiConsole console, string program, IReadOnlyList<string> arguments, CancellationToken cancellation, string? workingDirectory = null)
    {
        console.MarkupLineInterpolated($"[grey]$ {program} {string.Join(' ', arguments.Select(Quote))}[/]");
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var tail = new Queue<string>();
        var output = new System.Text.StringBuilder();
        void Line(string? line, bool standardOutput)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                console.WriteLine("  " + line);
                if (standardOutput)
                {
                    output.AppendLine(line);
                }

                tail.Enqueue(line);
                if (tail.Count > 12)
                {
                    tail.Dequeue();
                }
            }
        }

        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Line(e.Data, true);
        process.ErrorDataReceived += (_, e) => Line(e.Data, false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (tail)
        {
            return (process.ExitCode, string.Join('\n', tail), output.ToString());
        }
    }

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"\"{argument}\"" : argument;
}
