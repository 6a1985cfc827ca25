using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lambench.Core.Csv;

namespace Lambench.Cli.Commands.Local;

/// <summary>
/// platform.pid: which process `local up` started, recorded as its id, its start time and the command it runs, so
/// that `local down` stops that process and never another one that has since been given the same id.
/// </summary>
public sealed record PlatformProcessFile(int ProcessId, DateTime StartTimeUtc, string Command)
{
    /// <summary>The argument every platform process is started with (`lambench local serve`).</summary>
    public const string ServeArguments = "local serve";

    public static void Write(string path, Process process) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(new PlatformProcessFile(process.Id, process.StartTime.ToUniversalTime(), ServeArguments)));

    /// <summary>The platform process the file names, when it is still that process; else null, and why in <paramref name="stale"/>.</summary>
    public static Process? Running(string path, out string? stale)
    {
        stale = null;
        if (!File.Exists(path))
        {
            return null;
        }

        PlatformProcessFile? recorded;
        try
        {
            recorded = JsonSerializer.Deserialize<PlatformProcessFile>(File.ReadAllText(path));
        }
        catch (JsonException)
        {
            recorded = null;
        }

        if (recorded is null)
        {
            stale = $"{path} is not a record of a platform process (an older lambench wrote a bare id?)";
            return null;
        }

        return recorded.Find(out stale);
    }

    private Process? Find(out string? stale)
    {
        stale = null;
        Process process;
        try
        {
            process = Process.GetProcessById(ProcessId);
            if (process.HasExited)
            {
                return null;
            }
        }
        catch (ArgumentException)
        {
            return null; // gone: nothing to stop
        }

        var started = process.StartTime.ToUniversalTime();
        if ((started - StartTimeUtc).Duration() > TimeSpan.FromSeconds(1))
        {
            stale = string.Create(CultureInfo.InvariantCulture, $"process {ProcessId} started at {started:u}, not at {StartTimeUtc:u} as the platform did: it is another process that now has the id");
            return null;
        }

        if (CommandLine(ProcessId) is { } command && !command.Contains(ServeArguments, StringComparison.Ordinal))
        {
            stale = $"process {ProcessId} runs '{Core.Text.Excerpt.Of(command)}', not the platform";
            return null;
        }

        return process;
    }

    /// <summary>The process's arguments joined by spaces, where /proc tells them (Linux); null elsewhere.</summary>
    private static string? CommandLine(int id)
    {
        try
        {
            return File.ReadAllText($"/proc/{id}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
