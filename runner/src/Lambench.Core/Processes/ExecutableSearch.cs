namespace Lambench.Core.Processes;

/// <summary>Finds a program the way a shell would: the first directory of PATH that holds a file of that name.</summary>
public static class ExecutableSearch
{
    /// <summary>The full path of <paramref name="name"/> on PATH, or null when no directory of PATH holds it.</summary>
    public static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
