namespace Lambench.Runner.Journal;

/// <summary>
/// journal.jsonl has lines that are no journal entry (edited by hand, or damaged on disk): a run does not resume on
/// a journal it cannot trust until told to set those lines aside.
/// </summary>
public sealed class JournalDamagedException(string path, IReadOnlyList<int> lines, string firstReason)
    : Exception($"{path}: line {lines[0]}: {firstReason}{(lines.Count > 1 ? $" (and {lines.Count - 1} more damaged line(s): {string.Join(", ", lines.Skip(1).Take(10))}{(lines.Count > 11 ? ", …" : string.Empty)})" : string.Empty)}")
{
    public string Path { get; } = path;
    public IReadOnlyList<int> Lines { get; } = lines;
}
