using System.Text;
using System.Text.Json;
using Lambench.Core.Csv;
using Lambench.Core.Files;

namespace Lambench.Runner.Journal;

/// <summary>
/// The run's append-only journal (journal.jsonl): one JSON object a line, flushed to disk before the step it
/// announces acts and after it ends, so that a run killed at any instant (kill -9 included) resumes exactly where it
/// stopped. A last line cut short by the kill is ignored; any other unreadable line is an error naming it, until the
/// user sets such lines aside (<see cref="SetAsideDamaged"/>).
/// </summary>
public sealed class RunJournal : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };
    private readonly FileStream stream;
    private readonly List<JournalEntry> entries;

    private RunJournal(FileStream stream, List<JournalEntry> entries)
    {
        this.stream = stream;
        this.entries = entries;
    }

    public IReadOnlyList<JournalEntry> Entries => entries;

    /// <summary>Where <see cref="SetAsideDamaged"/> keeps the lines it takes out of a journal: beside it, never deleted.</summary>
    public static string SetAsidePath(string journalPath) => Path.ChangeExtension(journalPath, ".damaged.jsonl");

    /// <summary>Opens (or creates) the journal, reading what an earlier run wrote.</summary>
    /// <exception cref="JournalDamagedException">a line other than a cut-short last one is not a journal entry.</exception>
    public static RunJournal Open(string path)
    {
        var entries = new List<JournalEntry>();
        var damaged = new List<(int Line, string Reason)>();
        var stream = JsonLinesLog.Open(path, "journal entry", (line, _) => entries.Add(Parse(line.Span)), (line, reason, _) => damaged.Add((line, reason)));
        if (damaged.Count > 0)
        {
            stream.Dispose();
            throw new JournalDamagedException(path, damaged.Select(d => d.Line).ToList(), damaged[0].Reason);
        }

        return new RunJournal(stream, entries);
    }

    /// <summary>
    /// Takes the damaged lines out of the journal (kept in <see cref="SetAsidePath"/>) and records that it did, so a
    /// run can resume: a step whose only record was damaged runs again as a new attempt, under a new batch id, and
    /// whatever it sent before is left out of the results, as for any interrupted step. Returns the line numbers.
    /// </summary>
    public static IReadOnlyList<int> SetAsideDamaged(string path)
    {
        // Read as Open reads (a last line without its line break, what a kill in mid-write leaves, is cut off), the
        // damaged lines handed back instead of refused.
        var kept = new List<string>();
        var damaged = new List<(int Line, string Text)>();
        JsonLinesLog.Open(path, "journal entry", (line, _) =>
        {
            Parse(line.Span);
            kept.Add(Encoding.UTF8.GetString(line.Span));
        }, (line, _, bytes) => damaged.Add((line, Encoding.UTF8.GetString(bytes.Span)))).Dispose();
        if (damaged.Count > 0)
        {
            File.AppendAllLines(SetAsidePath(path), damaged.Select(d => d.Text));
            AtomicFile.WriteAllText(path, string.Concat(kept.Select(l => l + "\n")));
            using var journal = Open(path);
            journal.Append(new JournalEntry(-1, 0, JournalEntry.Resumed, DateTimeOffset.UtcNow, Detail: $"set aside {damaged.Count} damaged journal line(s) (lines {string.Join(", ", damaged.Select(d => d.Line))}) in {Path.GetFileName(SetAsidePath(path))}"));
        }

        return damaged.Select(d => d.Line).ToList();
    }

    private static JournalEntry Parse(ReadOnlySpan<byte> line)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(line, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new FormatException(e.Message + "; the journal is append-only and was changed by hand?", e);
        }
    }

    /// <summary>Appends one entry and forces it to disk before returning.</summary>
    public void Append(JournalEntry entry)
    {
        var line = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, Json) + "\n");
        stream.Write(line);
        stream.Flush(flushToDisk: true);
        entries.Add(entry);
    }

    /// <summary>
    /// Where each step stands: done steps are skipped on resume; a step started but never finished is abandoned
    /// (its invocation may have run, under that attempt's batch id, and is left out of the results) and run again
    /// as the next attempt, as is a failed one.
    /// </summary>
    public IReadOnlyDictionary<int, StepStatus> Status()
    {
        var status = new Dictionary<int, StepStatus>();
        foreach (var entry in entries)
        {
            var current = status.GetValueOrDefault(entry.Step) ?? new StepStatus(entry.Step, 0, null, null, []);
            status[entry.Step] = entry.State switch
            {
                JournalEntry.Started => current with { Attempt = entry.Attempt, State = JournalEntry.Started, BatchId = entry.BatchId, RequestId = null, Items = null },
                JournalEntry.Done => current with { State = JournalEntry.Done, RequestId = entry.RequestId, BatchId = entry.BatchId ?? current.BatchId, Items = entry.Items },
                JournalEntry.Failed => current with { State = JournalEntry.Failed },
                JournalEntry.Abandoned => current with { State = JournalEntry.Abandoned, Abandoned = entry.BatchId is null ? current.Abandoned : [.. current.Abandoned, entry.BatchId] },
                _ => current,
            };
        }

        return status;
    }

    public void Dispose() => stream.Dispose();
}
