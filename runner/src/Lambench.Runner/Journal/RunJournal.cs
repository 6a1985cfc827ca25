using System.Text;
using System.Text.Json;
using Lambench.Core.Files;

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
        var stream = JsonLinesLog.Open(path, "journal entry", (line, _) =>
        {
            try
            {
                entries.Add(JsonSerializer.Deserialize<JournalEntry>(line.Span, Json) ?? throw new JsonException("null"));
            }
            catch (JsonException e)
            {
                throw new FormatException(e.Message + "; the journal is append-only and was changed by hand?", e);
            }
        });
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
