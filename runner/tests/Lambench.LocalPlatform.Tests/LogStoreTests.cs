using Lambench.LocalPlatform.Logs;

namespace Lambench.LocalPlatform.Tests;

/// <summary>The platform's CloudWatch Logs kept on disk: what a resumed run relies on after a kill -9.</summary>
public sealed class LogStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-logstore-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Path => System.IO.Path.Combine(_directory, "events.jsonl");

    [Fact]
    public void Events_outlive_the_store_and_a_line_cut_short_is_dropped()
    {
        using (var store = LogStore.Open(Path, TimeSpan.Zero))
        {
            var stream = store.Group("/aws/lambda/f").CreateStream("2026/11/23/[$LATEST]a");
            stream.Append("START RequestId: 1");
            stream.Append("REPORT RequestId: 1\tDuration: 1.00 ms");
        }

        File.AppendAllText(Path, "{\"g\":\"/aws/lambda/f\",\"s\":\"x\",\"t\":1"); // what a kill in mid-write leaves
        using (var store = LogStore.Open(Path, TimeSpan.Zero))
        {
            var events = store.Find("/aws/lambda/f")!.Snapshot();
            Assert.Equal(["START RequestId: 1", "REPORT RequestId: 1\tDuration: 1.00 ms"], events.Select(e => e.Message));
            Assert.Equal(["2026/11/23/[$LATEST]a"], store.Find("/aws/lambda/f")!.Streams.Select(s => s.Name));
            store.Group("/aws/lambda/f").CreateStream("b").Append("END RequestId: 1");
        }

        Assert.Equal(3, File.ReadAllLines(Path).Length);
        File.AppendAllText(Path, "not json\n{}\n");
        var error = Assert.Throws<InvalidDataException>(() => LogStore.Open(Path, TimeSpan.Zero));
        Assert.StartsWith($"{Path}: line 4: not a stored log event", error.Message);
    }

    [Fact]
    public void An_ingestion_delay_hides_events_from_search_until_it_has_passed()
    {
        using var store = new LogStore { IngestionDelay = TimeSpan.FromSeconds(5) };
        var logEvent = store.Group("g").CreateStream("s").Append("REPORT RequestId: 1");
        Assert.Equal(logEvent.TimestampMs + 5000, logEvent.IngestionTimeMs);
        Assert.Empty(store.Find("g")!.Searchable(logEvent.TimestampMs + 4999));
        Assert.Single(store.Find("g")!.Searchable(logEvent.TimestampMs + 5000));
    }

    /// <summary>
    /// The fault trial kept every event in memory (281 MB after 89,000 invocations): now a group keeps its last
    /// window, and older events are read back from the file, in order and unchanged, before and after a restart.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)] // a platform whose logs are not kept spills to a temporary file
    public void Events_beyond_the_memory_window_are_read_back_from_disk_in_order(bool kept)
    {
        var expected = Enumerable.Range(0, 1000).Select(i => $"REPORT RequestId: {i:D4}\tDuration: {i}.00 ms").ToList();
        using (var store = kept ? LogStore.Open(Path, TimeSpan.Zero, memoryWindow: 100) : new LogStore { MemoryWindow = 100 })
        {
            var group = store.Group("/aws/lambda/f");
            var streams = new[] { group.CreateStream("a"), group.CreateStream("b") };
            var appended = expected.Select((message, i) => streams[i % 2].Append(message)).ToList();
            Assert.InRange(group.EventsInMemory, 100, 125);
            Assert.Equal(expected, group.Snapshot().Select(e => e.Message));
            Assert.Equal(appended.Select(e => e.Sequence), group.Snapshot().Select(e => e.Sequence));
            Assert.Equal(expected.Where((_, i) => i % 2 == 1), streams[1].Searchable(long.MaxValue).Select(e => e.Message));
            Assert.Equal([expected[^1]], streams[1].EventsFrom(appended[^1]).Select(e => e.Message));
        }

        if (kept)
        {
            using var reopened = LogStore.Open(Path, TimeSpan.Zero, memoryWindow: 100);
            var group = reopened.Find("/aws/lambda/f")!;
            Assert.InRange(group.EventsInMemory, 100, 125);
            Assert.Equal(expected, group.Snapshot().Select(e => e.Message));
            Assert.Equal(1001, reopened.Group("/aws/lambda/f").CreateStream("c").Append("END").Sequence); // sequences go on from the file's
        }
    }
}
