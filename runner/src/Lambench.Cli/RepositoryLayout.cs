namespace Lambench.Cli;

/// <summary>Where the repository's files are, found from the current directory up: infra/template.yaml marks the root.</summary>
public static class RepositoryLayout
{
    public static string? Root()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "infra", "template.yaml")))
            {
                return directory.FullName;
            }
        }

        return null;
    }

    /// <summary>The template given, or infra/template.yaml of the repository; null when neither exists.</summary>
    public static string? Template(string? given) => given ?? (Root() is { } root ? Path.Combine(root, "infra", "template.yaml") : null);

    /// <summary>.lambench/local: the local platform's builds, dynalite and runtime files, shared by `local` and `run`.</summary>
    public static string LocalWorkDirectory() => Path.Combine(Root() ?? Environment.CurrentDirectory, ".lambench", "local");
}
