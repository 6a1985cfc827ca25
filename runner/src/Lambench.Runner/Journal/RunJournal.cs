using System.Text;
using System.Text.Json;

namespace Lambench.Runner.Journal;

/// <summary>
/// The run's append-only journal (journal.jsonl): one JSON object a line, flushed to disk before the step it
/// announces acts and after it ends, so that a run killed at any instant (kill -9 included) resumes exactly where it
/// stopped. A last line cut short by the kill is ignored; any other unreadable line is an error naming it.
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

    /// <summary>Opens (or creates) the journal, reading what an earlier run wrote.</summary>
    /// <exception cref="InvalidDataException">a line other than a cut-short last one that is not a journal entry.</exception>
    public static RunJournal Open(string path)
    {
        var entries = new List<JournalEntry>();
        long keep = 0;
        if (File.Exists(path))
        {
            var bytes = File.ReadAllBytes(path);
            var start = 0;
            var line = 0;
            while (start < bytes.Length)
            {
                line++;
                var end = Array.IndexOf(bytes, (byte)'\n', start);
                if (end < 0)
                {
                    break; // cut short by a kill: the step it announced is treated as never announced
                }

                try
                {
                    entries.Add(JsonSerializer.Deserialize<JournalEntry>(bytes.AsSpan(start, end - start), Json) ?? throw new JsonException("null"));
                }
                catch (JsonException e)
                {
                    throw new InvalidDataException($"{path}: line {line}: not a journal entry ({e.Message}); the journal is append-only and was changed by hand?");
                }

                start = end + 1;
                keep = start;
            }
        }

        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        stream.SetLength(keep); // drop a cut-short last line before appending
        stream.Seek(0, SeekOrigin.End);
        return new RunJournal(stream, entries);
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
                JournalEntry.Started => current with { Attempt = entry.Attempt, State = JournalEntry.Started, BatchId = entry.BatchId, RequestId = null, Items = null, Time = entry.Time },
                JournalEntry.Done => current with { State = JournalEntry.Done, RequestId = entry.RequestId, BatchId = entry.BatchId ?? current.BatchId, Items = entry.Items, Time = entry.Time },
                JournalEntry.Failed => current with { State = JournalEntry.Failed },
                JournalEntry.Abandoned => current with { State = JournalEntry.Abandoned, Abandoned = [.. current.Abandoned, entry.BatchId!] },
                _ => current,
            };
        }

        return status;
    }

    public void Dispose() => stream.Dispose();
}
