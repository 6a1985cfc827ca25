using System.Collections.Concurrent;

namespace Lambench.LocalPlatform.Logs;

/// <summary>
/// A log group: its streams, and its events in arrival order (what FilterLogEvents searches): the last
/// <see cref="LogStore.MemoryWindow"/> in memory, the older ones in the store's file, by the offset of their line.
/// </summary>
public sealed class LogGroup(LogStore store, string name, long creationTimeMs, int? retentionDays)
{
    private readonly object gate = new();
    private readonly List<LogEvent> events = [];
    private readonly List<long> offsets = [];
    private readonly List<long> spilled = [];
    private readonly ConcurrentDictionary<string, LogStream> streams = new(StringComparer.Ordinal);

    public string Name { get; } = name;
    public long CreationTimeMs { get; } = creationTimeMs;
    public int? RetentionDays { get; } = retentionDays;

    public IReadOnlyCollection<LogStream> Streams => streams.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    /// <summary>Events held in memory now (at most about 1.25 × the store's window), for tests.</summary>
    public int EventsInMemory
    {
        get
        {
            lock (gate)
            {
                return events.Count;
            }
        }
    }

    public LogStream CreateStream(string streamName) =>
        streams.GetOrAdd(streamName, n => new LogStream(this, n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public LogStream? FindStream(string streamName) => streams.GetValueOrDefault(streamName);

    internal LogEvent Add(string streamName, long timestampMs, string message)
    {
        LogEvent logEvent;
        lock (gate)
        {
            // The sequence is drawn, and the event written, under the group's lock: the file and the list stay in sequence order.
            logEvent = new LogEvent(streamName, timestampMs, message, timestampMs + (long)store.IngestionDelay.TotalMilliseconds, store.NextSequence());
            Keep(logEvent, store.Persist(Name, logEvent));
        }

        store.Ingested(logEvent);
        return logEvent;
    }

    internal void Restore(LogEvent logEvent, long offset)
    {
        lock (gate)
        {
            Keep(logEvent, offset);
        }
    }

    private void Keep(LogEvent logEvent, long offset)
    {
        events.Add(logEvent);
        offsets.Add(offset);
        // Evicted a quarter window at a time, so the lists are not shifted at every event.
        if (events.Count > store.MemoryWindow + store.MemoryWindow / 4)
        {
            var evicted = events.Count - store.MemoryWindow;
            spilled.AddRange(offsets.GetRange(0, evicted));
            events.RemoveRange(0, evicted);
            offsets.RemoveRange(0, evicted);
        }
    }

    /// <summary>A copy of all the events, oldest first, ingested or not.</summary>
    public IReadOnlyList<LogEvent> Snapshot() => Searchable(long.MaxValue);

    /// <summary>The events already ingested at <paramref name="nowMs"/>, oldest first: what the search APIs see.</summary>
    public IReadOnlyList<LogEvent> Searchable(long nowMs)
    {
        List<long> old;
        List<LogEvent> recent;
        lock (gate)
        {
            old = spilled.ToList();
            recent = events.ToList();
        }

        return store.ReadSpilled(old).Concat(recent).Where(e => e.IngestionTimeMs <= nowMs).ToList();
    }

    /// <summary>One stream's events from <paramref name="first"/> on, read from the end of memory: an invocation's log tail.</summary>
    internal IReadOnlyList<LogEvent> EventsFrom(string streamName, LogEvent first)
    {
        lock (gate)
        {
            var index = events.Count;
            while (index > 0 && events[index - 1].Sequence >= first.Sequence)
            {
                index--;
            }

            return events.GetRange(index, events.Count - index).Where(e => e.StreamName == streamName).ToList();
        }
    }

    public long StoredBytes => Streams.Sum(s => s.StoredBytes);
}
