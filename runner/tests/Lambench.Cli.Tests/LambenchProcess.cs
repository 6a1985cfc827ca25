using System.Diagnostics;
using Lambench.Tests.Shared;

namespace Lambench.Cli.Tests;

/// <summary>The lambench command as a child process, as a user runs it, from the repository root.</summary>
internal static class LambenchProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root(), RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lambench.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>Runs to the end within <paramref name="limit"/>; the output with white space folded.</summary>
    public static async Task<(int Exit, string Output)> RunToEndAsync(ProcessStartInfo start, TimeSpan limit)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(limit);
        // Spectre wraps lines at 80 columns when output is redirected: compare text, not line breaks.
        return (process.ExitCode, System.Text.RegularExpressions.Regex.Replace(await output + await error, @"\s+", " "));
    }
}
