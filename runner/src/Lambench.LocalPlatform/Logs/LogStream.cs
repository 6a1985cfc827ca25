namespace Lambench.LocalPlatform.Logs;

/// <summary>A log stream: one per execution environment, as Lambda does.</summary>
public sealed class LogStream(LogGroup group, string name, long creationTimeMs)
{
    public string Name { get; } = name;
    public LogGroup Group { get; } = group;
    public long CreationTimeMs { get; } = creationTimeMs;
    public long FirstEventTimestampMs { get; private set; }
    public long LastEventTimestampMs { get; private set; }
    public long StoredBytes { get; private set; }

    /// <summary>Appends one event (a line of output) stamped now.</summary>
    public LogEvent Append(string message)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var logEvent = Group.Add(this, now, message);
        lock (this)
        {
            FirstEventTimestampMs = FirstEventTimestampMs == 0 ? now : FirstEventTimestampMs;
            LastEventTimestampMs = now;
            StoredBytes += System.Text.Encoding.UTF8.GetByteCount(message);
        }

        return logEvent;
    }
}
