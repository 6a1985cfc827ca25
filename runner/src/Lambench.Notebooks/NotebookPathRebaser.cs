using System.Text.RegularExpressions;

namespace Lambench.Notebooks;

/// <summary>
/// Makes an executed notebook work from the folder it is written to: the relative paths of its <c>#r "…"</c>
/// directives, and the relative string literals of its parameters cell that name an existing file or folder, are
/// rewritten relative to the new folder (a NuGet reference, an absolute path or any other string stays as it is).
/// </summary>
public static partial class NotebookPathRebaser
{
    public static string Rebase(string source, string fromDirectory, string toDirectory, bool isParameters)
    {
        var rebased = Reference().Replace(source, m => m.Groups["before"].Value + Moved(m.Groups["path"].Value, fromDirectory, toDirectory, mustExist: false) + "\"");
        return isParameters
            ? Literal().Replace(rebased, m => "\"" + Moved(m.Groups["path"].Value, fromDirectory, toDirectory, mustExist: true) + "\"")
            : rebased;
    }

    private static string Moved(string path, string fromDirectory, string toDirectory, bool mustExist)
    {
        if (path.Length == 0 || path.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) || Path.IsPathRooted(path) || path.Contains('\\', StringComparison.Ordinal))
        {
            return path;
        }

        var full = Path.GetFullPath(Path.Combine(fromDirectory, path));
        if (mustExist && !File.Exists(full) && !Directory.Exists(full))
        {
            return path;
        }

        return Path.GetRelativePath(toDirectory, full).Replace('\\', '/');
    }

    [GeneratedRegex("""(?<before>^[ \t]*#r[ \t]+")(?<path>[^"\n]*)"(?=[ \t]*$)""", RegexOptions.Multiline)]
    private static partial Regex Reference();

    /// <summary>A plain C# string literal without escapes: what a parameters cell's paths are.</summary>
    [GeneratedRegex("""(?<![@$\\])"(?<path>[^"\\\n]+)"(?!")""")]
    private static partial Regex Literal();
}
