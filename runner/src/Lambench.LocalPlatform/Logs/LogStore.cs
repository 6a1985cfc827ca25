using System.Collections.Concurrent;

namespace Lambench.LocalPlatform.Logs;

/// <summary>
/// The local CloudWatch Logs: log groups by name. Every event is written to a file (<see cref="Open"/>: kept, so that
/// logs outlive the platform as CloudWatch's do and a run killed with its platform finds its earlier REPORT lines on
/// resume; else a temporary one). Memory holds each group's last <see cref="MemoryWindow"/> events; older ones are
/// read back from the file when a search reaches them, so memory does not grow with the number of invocations.
/// </summary>
public sealed class LogStore : IDisposable
{
    /// <summary>Events a group keeps in memory: some 2,000 invocations' START, END, REPORT and function lines.</summary>
    public const int DefaultMemoryWindow = 10_000;

    private readonly ConcurrentDictionary<string, LogGroup> groups = new(StringComparer.Ordinal);
    private readonly LogFile file;
    private long sequence;
    private int memoryWindow = DefaultMemoryWindow;

    /// <summary>A store on a temporary file, deleted when the store is disposed.</summary>
    public LogStore() => file = LogFile.Temporary();

    /// <summary>The window is set before the file is read back: restored events are windowed as new ones are.</summary>
    private LogStore(int memoryWindow, Func<LogStore, LogFile> open)
    {
        this.memoryWindow = memoryWindow;
        file = open(this);
    }

    /// <summary>
    /// How long an event takes to become searchable (CloudWatch's ingestion delay, seconds on AWS). The invoke log
    /// tail is not delayed, as on AWS.
    /// </summary>
    public TimeSpan IngestionDelay { get; init; }

    public int MemoryWindow
    {
        get => memoryWindow;
        init => memoryWindow = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "a memory window holds at least one event");
    }

    /// <summary>A store whose events are appended to <paramref name="path"/> (one JSON object a line) and read back from it now.</summary>
    /// <exception cref="InvalidDataException">a line other than a cut-short last one is not a stored event.</exception>
    public static LogStore Open(string path, TimeSpan ingestionDelay, int memoryWindow = DefaultMemoryWindow)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        // A line the platform was killed in the middle of is lost, as an unflushed CloudWatch batch would be.
        return new LogStore(memoryWindow, store => LogFile.Open(path, (stored, offset) => store.Restore(stored, offset))) { IngestionDelay = ingestionDelay };
    }

    public LogGroup Group(string name, int? retentionDays = null) =>
        groups.GetOrAdd(name, n => new LogGroup(this, n, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), retentionDays));

    public LogGroup? Find(string name) => groups.GetValueOrDefault(name);

    public IReadOnlyList<LogGroup> Groups => groups.Values.OrderBy(g => g.Name, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Told of every event written from now on, outside any lock, as CloudWatch Logs hands each ingested event to its
    /// metric extraction. Events read back from a kept file are not told again.
    /// </summary>
    public event Action<LogEvent>? EventIngested;

    internal void Ingested(LogEvent logEvent) => EventIngested?.Invoke(logEvent);

    internal long NextSequence() => Interlocked.Increment(ref sequence);

    /// <summary>Writes one event to the file; returns where its line starts.</summary>
    internal long Persist(string groupName, LogEvent logEvent) => file.Append(groupName, logEvent);

    /// <summary>Events beyond the memory window, read back from the file.</summary>
    internal List<LogEvent> ReadSpilled(IReadOnlyList<long> offsets) => offsets.Count == 0 ? [] : file.Read(offsets);

    private void Restore(LogFile.Stored stored, long offset)
    {
        // Sequences continue from the file's, so event ids stay those of the platform that wrote them.
        var logEvent = stored.Event.Sequence > 0 ? stored.Event : stored.Event with { Sequence = NextSequence() };
        InterlockedMax(logEvent.Sequence);
        Group(stored.Group).CreateStream(logEvent.StreamName).Restore(logEvent, offset);
    }

    private void InterlockedMax(long value)
    {
        var seen = Interlocked.Read(ref sequence);
        while (value > seen && Interlocked.CompareExchange(ref sequence, value, seen) != seen)
        {
            seen = Interlocked.Read(ref sequence);
        }
    }

    public void Dispose() => file.Dispose();
}
