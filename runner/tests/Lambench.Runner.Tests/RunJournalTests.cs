using System.Text;
using Lambench.Runner.Journal;

namespace Lambench.Runner.Tests;

public sealed class RunJournalTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-journal-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path => System.IO.Path.Combine(_directory, "journal.jsonl");

    private static JournalEntry Entry(int step, JournalState state, int attempt = 1, string? request = null) =>
        new(step, attempt, state, new DateTimeOffset(2026, 11, 23, 12, 0, step, TimeSpan.Zero), $"run-{step:D5}-{attempt}", request);

    [Fact]
    public void Entries_survive_reopening_and_give_each_steps_status()
    {
        using (var journal = RunJournal.Open(Path))
        {
            journal.Append(Entry(0, JournalEntry.Started));
            journal.Append(Entry(0, JournalEntry.Done, request: "req-0"));
            journal.Append(Entry(1, JournalEntry.Started));
        }

        using var reopened = RunJournal.Open(Path);
        Assert.Equal(3, reopened.Entries.Count);
        var status = reopened.Status();
        Assert.True(status[0].IsDone);
        Assert.Equal("req-0", status[0].RequestId);
        Assert.True(status[1].IsInterrupted);
        Assert.False(status.ContainsKey(2));
        Assert.Equal("""{"step":0,"attempt":1,"state":"started","time":"2026-11-23T12:00:00+00:00","batchId":"run-00000-1"}""", File.ReadLines(Path).First());
    }

    [Fact]
    public void A_last_line_cut_short_by_a_kill_is_dropped_and_appending_goes_on()
    {
        using (var journal = RunJournal.Open(Path))
        {
            journal.Append(Entry(0, JournalEntry.Started));
        }

        File.AppendAllText(Path, """{"step":0,"attempt":1,"sta""", Encoding.UTF8); // what kill -9 in mid-write leaves
        using (var journal = RunJournal.Open(Path))
        {
            Assert.Single(journal.Entries);
            journal.Append(Entry(0, JournalEntry.Abandoned));
            journal.Append(Entry(0, JournalEntry.Started, attempt: 2));
        }

        using var reopened = RunJournal.Open(Path);
        var status = reopened.Status()[0];
        Assert.Equal((2, JournalEntry.Started), (status.Attempt, status.State));
        Assert.Equal(["run-00000-1"], status.Abandoned);
        Assert.Equal(3, File.ReadAllLines(Path).Length);
    }

    [Fact]
    public void A_damaged_line_in_the_middle_is_an_error_naming_it()
    {
        File.WriteAllText(Path, "{\"step\":0,\"attempt\":1,\"state\":\"started\",\"time\":\"2026-11-23T12:00:00+00:00\"}\nnot json\n{\"step\":1,\"attempt\":1,\"state\":\"started\",\"time\":\"2026-11-23T12:00:00+00:00\"}\n");
        var error = Assert.Throws<JournalDamagedException>(() => RunJournal.Open(Path));
        Assert.StartsWith($"{Path}: line 2: not a journal entry", error.Message);
        Assert.Equal([2], error.Lines);
    }

    [Fact]
    public void Damaged_lines_are_set_aside_only_when_asked_and_kept_beside_the_journal()
    {
        File.WriteAllText(Path, "{\"step\":0,\"attempt\":1,\"state\":\"started\",\"time\":\"2026-11-23T12:00:00+00:00\"}\nnot json\n{\"step\":0,\"attempt\":1,\"state\":\"done\",\"time\":\"2026-11-23T12:00:01+00:00\"}\n{\"step\":1,\"att");
        Assert.Equal([2], RunJournal.SetAsideDamaged(Path));
        Assert.Equal("not json\n", File.ReadAllText(RunJournal.SetAsidePath(Path)));
        using var journal = RunJournal.Open(Path);
        Assert.True(journal.Status()[0].IsDone);
        Assert.Contains("set aside 1 damaged journal line(s) (lines 2)", journal.Entries[^1].Detail);
        Assert.False(journal.Status().ContainsKey(1)); // the cut-short last line is dropped as always, not set aside
    }
}
