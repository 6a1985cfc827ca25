namespace Lambench.LocalPlatform.Logs;

/// <summary>A log stream: one per execution environment, as Lambda does. Its events live in its group.</summary>
public sealed class LogStream(LogGroup group, string name, long creationTimeMs)
{
    private readonly object gate = new();

    public string Name { get; } = name;
    public LogGroup Group { get; } = group;
    public long CreationTimeMs { get; } = creationTimeMs;
    public long FirstEventTimestampMs { get; private set; }
    public long LastEventTimestampMs { get; private set; }
    public long StoredBytes { get; private set; }

    /// <summary>Appends one event (a line of output) stamped now, or at <paramref name="latest"/> when that is earlier.</summary>
    public LogEvent Append(string message, DateTimeOffset? latest = null)
    {
        var now = DateTimeOffset.UtcNow;
        var logEvent = Group.Add(Name, (latest is { } at && at < now ? at : now).ToUnixTimeMilliseconds(), message);
        Count(logEvent);
        return logEvent;
    }

    /// <summary>Puts back an event a persistent <see cref="LogStore"/> kept from an earlier platform.</summary>
    internal void Restore(LogEvent logEvent, long offset)
    {
        Group.Restore(logEvent, offset);
        Count(logEvent);
    }

    private void Count(LogEvent logEvent)
    {
        lock (gate)
        {
            FirstEventTimestampMs = FirstEventTimestampMs == 0 ? logEvent.TimestampMs : Math.Min(FirstEventTimestampMs, logEvent.TimestampMs);
            LastEventTimestampMs = Math.Max(LastEventTimestampMs, logEvent.TimestampMs);
            StoredBytes += System.Text.Encoding.UTF8.GetByteCount(logEvent.Message);
        }
    }

    /// <summary>The events already ingested at <paramref name="nowMs"/>: what GetLogEvents sees.</summary>
    public IReadOnlyList<LogEvent> Searchable(long nowMs) => Group.Searchable(nowMs).Where(e => e.StreamName == Name).ToList();

    /// <summary>
    /// The events from <paramref name="first"/> on: read from the end of memory only, so an invocation's log tail
    /// costs what the invocation wrote, not what the whole log group holds.
    /// </summary>
    public IReadOnlyList<LogEvent> EventsFrom(LogEvent first) => Group.EventsFrom(Name, first);
}
