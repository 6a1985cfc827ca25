using System.Collections.Concurrent;

namespace Lambench.LocalPlatform.Logs;

/// <summary>A log group: its streams, and all its events in arrival order (what FilterLogEvents searches).</summary>
public sealed class LogGroup(LogStore store, string name, long creationTimeMs, int? retentionDays)
{
    private readonly List<LogEvent> events = [];
    private readonly ConcurrentDictionary<string, LogStream> streams = new(StringComparer.Ordinal);
    private static long sequence;

    public string Name { get; } = name;
    public long CreationTimeMs { get; } = creationTimeMs;
    public int? RetentionDays { get; } = retentionDays;

    public IReadOnlyCollection<LogStream> Streams => streams.Values.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

    public LogStream CreateStream(string streamName) =>
        streams.GetOrAdd(streamName, n => new LogStream(this, n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));

    public LogStream? FindStream(string streamName) => streams.GetValueOrDefault(streamName);

    internal LogEvent Add(LogStream stream, long timestampMs, string message, long? ingestionTimeMs = null)
    {
        var restored = ingestionTimeMs is not null;
        lock (events)
        {
            var logEvent = new LogEvent(stream.Name, timestampMs, message, ingestionTimeMs ?? timestampMs + (long)store.IngestionDelay.TotalMilliseconds, Interlocked.Increment(ref sequence));
            events.Add(logEvent);
            if (!restored)
            {
                store.Persist(Name, logEvent);
            }

            return logEvent;
        }
    }

    /// <summary>A copy of all the events, oldest first, ingested or not.</summary>
    public IReadOnlyList<LogEvent> Snapshot() => Searchable(long.MaxValue);

    /// <summary>The events already ingested at <paramref name="nowMs"/>: what the search APIs see.</summary>
    public IReadOnlyList<LogEvent> Searchable(long nowMs)
    {
        lock (events)
        {
            return events.Where(e => e.IngestionTimeMs <= nowMs).ToList();
        }
    }

    public long StoredBytes => Streams.Sum(s => s.StoredBytes);
}
