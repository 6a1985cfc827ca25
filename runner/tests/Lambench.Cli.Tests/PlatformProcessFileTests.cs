using System.Diagnostics;
using Lambench.Cli.Commands.Local;

namespace Lambench.Cli.Tests;

/// <summary>
/// `local down` signals only the process `local up` started: the pid file records its id, start time and command, and
/// a process that now has the id but started at another time or runs another command is left alone.
/// </summary>
[Trait("Tier", "system")]
public sealed class PlatformProcessFileTests : IDisposable
{
    private readonly string _path = Path.Combine(Directory.CreateTempSubdirectory("lambench-pid-").FullName, "platform.pid");
    private readonly List<Process> _processes = [];

    public void Dispose()
    {
        foreach (var process in _processes.Where(p => !p.HasExited))
        {
            process.Kill();
        }

        Directory.Delete(Path.GetDirectoryName(_path)!, recursive: true);
    }

    // bash replaces itself with a lone last command (`bash -c "sleep 30"` becomes `sleep 30`), and with it the
    // "local serve" arguments; "; true" keeps bash, and the arguments, in place for the test's life.
    private Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("/bin/bash") { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _processes.Add(process);
        return process;
    }

    [Fact]
    public void The_platform_process_it_recorded_is_found()
    {
        var platform = Start("-c", "sleep 30; true", "local", "serve");
        PlatformProcessFile.Write(_path, platform);
        Assert.Equal(platform.Id, PlatformProcessFile.Running(_path, out var stale)?.Id);
        Assert.Null(stale);
    }

    [Fact]
    public void A_process_that_reuses_the_id_with_another_command_is_not_taken_for_the_platform()
    {
        var other = Start("-c", "sleep 30");
        File.WriteAllText(_path, System.Text.Json.JsonSerializer.Serialize(new PlatformProcessFile(other.Id, other.StartTime.ToUniversalTime(), PlatformProcessFile.ServeArguments)));
        Assert.Null(PlatformProcessFile.Running(_path, out var stale));
        Assert.Contains("not the platform", stale);
        Assert.False(other.HasExited);
    }

    [Fact]
    public void A_process_that_started_at_another_time_is_not_taken_for_the_platform()
    {
        var other = Start("-c", "sleep 30; true", "local", "serve");
        File.WriteAllText(_path, System.Text.Json.JsonSerializer.Serialize(new PlatformProcessFile(other.Id, other.StartTime.ToUniversalTime().AddMinutes(-5), PlatformProcessFile.ServeArguments)));
        Assert.Null(PlatformProcessFile.Running(_path, out var stale));
        Assert.Contains("another process that now has the id", stale);
    }

    [Fact]
    public void A_bare_id_from_an_older_lambench_is_stale()
    {
        File.WriteAllText(_path, Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(PlatformProcessFile.Running(_path, out var stale));
        Assert.Contains("not a record of a platform process", stale);
    }
}
