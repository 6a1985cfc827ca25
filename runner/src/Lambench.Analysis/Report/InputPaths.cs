namespace Lambench.Analysis.Report;

/// <summary>
/// What a user may name as a report's or a notebook's data: invocations CSVs or log files, run directories (their
/// invocations.csv), and wildcards in the last part of a path (out/invocations-*.csv, also where no shell expands
/// them), each expanded in ordinal order.
/// </summary>
public static class InputPaths
{
    /// <exception cref="IOException">a file that does not exist, a directory without invocations.csv, or a wildcard that matches nothing.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> inputs)
    {
        var paths = new List<string>();
        foreach (var input in inputs.Where(i => i.Length > 0))
        {
            if (Directory.Exists(input))
            {
                var csv = Path.Combine(input, "invocations.csv");
                paths.Add(File.Exists(csv) ? csv : throw new IOException($"{input}: a directory without invocations.csv (a run directory holds one once collected)"));
            }
            else if (Path.GetFileName(input).IndexOfAny(['*', '?']) >= 0)
            {
                var directory = Path.GetDirectoryName(input) is { Length: > 0 } d ? d : ".";
                var matches = Directory.Exists(directory) ? Directory.GetFiles(directory, Path.GetFileName(input)).Order(StringComparer.Ordinal).ToList() : [];
                paths.AddRange(matches.Count > 0 ? matches : throw new IOException($"{input}: no file matches"));
            }
            else
            {
                paths.Add(File.Exists(input) ? input : throw new IOException($"{Path.GetFullPath(input)} does not exist"));
            }
        }

        return paths;
    }
}
