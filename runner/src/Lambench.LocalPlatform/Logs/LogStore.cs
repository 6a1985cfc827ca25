using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.Core.Files;

namespace Lambench.LocalPlatform.Logs;

/// <summary>
/// The local CloudWatch Logs: log groups by name. In memory, or kept in a file (<see cref="Open"/>) so that logs
/// outlive the platform as CloudWatch's do: a run killed with its platform finds its earlier REPORT lines on resume.
/// </summary>
public sealed class LogStore : IDisposable
{
    private readonly ConcurrentDictionary<string, LogGroup> groups = new(StringComparer.Ordinal);
    private readonly object fileLock = new();
    private FileStream? file;

    /// <summary>
    /// How long an event takes to become searchable (CloudWatch's ingestion delay, seconds on AWS). The invoke log
    /// tail is not delayed, as on AWS.
    /// </summary>
    public TimeSpan IngestionDelay { get; init; }

    /// <summary>A store whose events are appended to <paramref name="path"/> (one JSON object a line) and read back from it now.</summary>
    /// <exception cref="InvalidDataException">a line other than a cut-short last one is not a stored event.</exception>
    public static LogStore Open(string path, TimeSpan ingestionDelay)
    {
        var store = new LogStore { IngestionDelay = ingestionDelay };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // A line the platform was killed in the middle of is lost, as an unflushed CloudWatch batch would be.
        store.file = JsonLinesLog.Open(path, "stored log event", (line, _) =>
        {
            try
            {
                var json = JsonNode.Parse(line.Span)!.AsObject();
                store.Group((string)json["g"]!).CreateStream((string)json["s"]!).Restore((long)json["t"]!, (string)json["m"]!, (long)json["i"]!);
            }
            catch (Exception e) when (e is JsonException or NullReferenceException or InvalidOperationException)
            {
                throw new FormatException(e.Message, e);
            }
        });
        return store;
    }

    public LogGroup Group(string name, int? retentionDays = null) =>
        groups.GetOrAdd(name, n => new LogGroup(this, n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), retentionDays));

    public LogGroup? Find(string name) => groups.GetValueOrDefault(name);

    public IReadOnlyList<LogGroup> Groups => groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();

    /// <summary>Writes one event to the file, if any. Flushed to the operating system, which keeps it through a kill -9 of this process.</summary>
    internal void Persist(string groupName, LogEvent logEvent)
    {
        if (file is null)
        {
            return;
        }

        var line = new JsonObject { ["g"] = groupName, ["s"] = logEvent.StreamName, ["t"] = logEvent.TimestampMs, ["m"] = logEvent.Message, ["i"] = logEvent.IngestionTimeMs };
        var bytes = Encoding.UTF8.GetBytes(line.ToJsonString() + "\n");
        lock (fileLock)
        {
            file.Write(bytes);
            file.Flush();
        }
    }

    public void Dispose()
    {
        lock (fileLock)
        {
            file?.Dispose();
            file = null;
        }
    }
}
