using System.Collections.Concurrent;

namespace Lambench.LocalPlatform.Logs;

/// <summary>The local CloudWatch Logs: log groups by name, in memory for the platform's lifetime.</summary>
public sealed class LogStore
{
    private readonly ConcurrentDictionary<string, LogGroup> groups = new(StringComparer.Ordinal);

    public LogGroup Group(string name, int? retentionDays = null) =>
        groups.GetOrAdd(name, n => new LogGroup(n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), retentionDays));

    public LogGroup? Find(string name) => groups.GetValueOrDefault(name);

    public IReadOnlyList<LogGroup> Groups => groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();
}
