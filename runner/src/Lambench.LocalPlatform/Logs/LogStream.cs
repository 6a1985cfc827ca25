namespace Lambench.LocalPlatform.Logs;

/// <summary>A log stream: one per execution environment, as Lambda does.</summary>
public sealed class LogStream(LogGroup group, string name, long creationTimeMs)
{
    private readonly List<LogEvent> events = [];

    public string Name { get; } = name;
    public LogGroup Group { get; } = group;
    public long CreationTimeMs { get; } = creationTimeMs;
    public long FirstEventTimestampMs { get; private set; }
    public long LastEventTimestampMs { get; private set; }
    public long StoredBytes { get; private set; }

    /// <summary>Appends one event (a line of output) stamped now.</summary>
    public LogEvent Append(string message) => Add(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), message, null);

    /// <summary>Puts back an event a persistent <see cref="LogStore"/> kept from an earlier platform.</summary>
    internal LogEvent Restore(long timestampMs, string message, long ingestionTimeMs) => Add(timestampMs, message, ingestionTimeMs);

    private LogEvent Add(long now, string message, long? ingestionTimeMs)
    {
        // The sequence is drawn inside this stream's lock, so the stream's list stays in sequence order even when the
        // process's stdout, its stderr and the platform append at once (EventsFrom relies on it).
        lock (events)
        {
            var logEvent = Group.Add(this, now, message, ingestionTimeMs);
            events.Add(logEvent);
            FirstEventTimestampMs = FirstEventTimestampMs == 0 ? now : FirstEventTimestampMs;
            LastEventTimestampMs = now;
            StoredBytes += System.Text.Encoding.UTF8.GetByteCount(message);
            return logEvent;
        }
    }

    /// <summary>The events already ingested at <paramref name="nowMs"/>: what GetLogEvents sees.</summary>
    public IReadOnlyList<LogEvent> Searchable(long nowMs)
    {
        lock (events)
        {
            return events.Where(e => e.IngestionTimeMs <= nowMs).ToList();
        }
    }

    /// <summary>
    /// The events from <paramref name="first"/> on: read from the end of this stream only, so an invocation's log
    /// tail costs what the invocation wrote, not what the whole log group holds.
    /// </summary>
    public IReadOnlyList<LogEvent> EventsFrom(LogEvent first)
    {
        lock (events)
        {
            var index = events.Count;
            while (index > 0 && events[index - 1].Sequence >= first.Sequence)
            {
                index--;
            }

            return events.GetRange(index, events.Count - index);
        }
    }
}
