using System.Runtime.CompilerServices;
using Lambench.Core.Parsing;
using Lambench.Core.Records;

namespace Lambench.Core.Columns;

/// <summary>
/// Invocations held as columns (a struct of arrays): about 65 bytes a row instead of an object, two strings and a
/// dozen nullable fields. Absent values are sentinels inside (NaN, -1, <see cref="long.MinValue"/>) and null outside:
/// <see cref="Record"/> and the nullable accessors never turn "absent" into 0. What rows share (configuration,
/// runtime, architecture, platform) is stored once in <see cref="Sources"/>; what few rows carry (SnapStart's Restore
/// durations, an Error Type, a tag) is kept beside the columns for those rows only.
/// </summary>
public sealed partial class InvocationColumns
{
    private const long NoTimestamp = long.MinValue;
    private static readonly string[] StatusNames = [InvocationStatus.Success, InvocationStatus.Error, InvocationStatus.Timeout, InvocationStatus.Failure];

    private RequestIdColumn _ids;
    private ColumnBuffer<int> _source, _memory;
    private ColumnBuffer<long> _timestamp;
    private ColumnBuffer<double> _duration, _billed, _init, _maxMemory;
    private ColumnBuffer<byte> _status;
    private readonly List<InvocationSource> _sources = [];
    private readonly Dictionary<InvocationSource, int> _sourceIndex = [];
    private Dictionary<int, RareFields>? _rare;

    public InvocationColumns(int capacity = 0)
    {
        _ids = new RequestIdColumn(capacity);
        (_source, _memory) = (new(capacity), new(capacity));
        _timestamp = new(capacity);
        (_duration, _billed, _init, _maxMemory) = (new(capacity), new(capacity), new(capacity), new(capacity));
        _status = new(capacity);
    }

    /// <summary>
    /// Columns for several readers at once, each a window of one set of shared arrays, in the order given; a reader
    /// that writes more rows than its capacity moves to arrays of its own. Windows read side by side and then gathered
    /// in window order (as when each holds one file, ordered by configuration) are put together in place, without a copy.
    /// </summary>
    internal static InvocationColumns[] Windows(IReadOnlyList<int> capacities)
    {
        var ids = ColumnBuffer<Guid>.Windows(capacities);
        var (source, memory) = (ColumnBuffer<int>.Windows(capacities), ColumnBuffer<int>.Windows(capacities));
        var timestamp = ColumnBuffer<long>.Windows(capacities);
        var (duration, billed) = (ColumnBuffer<double>.Windows(capacities), ColumnBuffer<double>.Windows(capacities));
        var (init, maxMemory) = (ColumnBuffer<double>.Windows(capacities), ColumnBuffer<double>.Windows(capacities));
        var status = ColumnBuffer<byte>.Windows(capacities);
        return Enumerable.Range(0, capacities.Count).Select(i => new InvocationColumns
        {
            _ids = new RequestIdColumn(ids[i]),
            _source = source[i],
            _memory = memory[i],
            _timestamp = timestamp[i],
            _duration = duration[i],
            _billed = billed[i],
            _init = init[i],
            _maxMemory = maxMemory[i],
            _status = status[i],
        }).ToArray();
    }

    public int Count => _duration.Count;

    public IReadOnlyList<InvocationSource> Sources => _sources;

    public ReadOnlySpan<int> SourceIndex => _source.Span;

    public ReadOnlySpan<double> DurationMs => _duration.Span;

    /// <summary>Init Duration a row, NaN where the REPORT line had none (a warm start).</summary>
    public ReadOnlySpan<double> InitDurationMsOrNaN => _init.Span;

    public ReadOnlySpan<double> MaxMemoryUsedMbOrNaN => _maxMemory.Span;

    public string RequestId(int row) => _ids.Get(row);

    internal (Guid Uuid, string? Text) RequestIdKey(int row) => _ids.Key(row);

    /// <summary>The id as a UUID (<see cref="Guid.Empty"/> for ids kept as text: ask <see cref="RequestIdKey"/>).</summary>
    internal Guid RequestIdUuid(int row) => _ids.Uuid(row);

    public InvocationSource Source(int row) => _sources[_source[row]];

    public double? BilledDurationMs(int row) => Nullable(_billed[row]);

    public double? InitDurationMs(int row) => Nullable(_init[row]);

    public double? RestoreDurationMs(int row) => Rare(row).RestoreDurationMs;

    public double? MaxMemoryUsedMb(int row) => Nullable(_maxMemory[row]);

    public int? MemorySizeMb(int row) => _memory[row] is var m and >= 0 ? m : null;

    public DateTimeOffset? TimestampUtc(int row) => _timestamp[row] is var t and not NoTimestamp ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    public string Status(int row) => StatusNames[_status[row]];

    public bool IsSuccess(int row) => _status[row] == 0;

    /// <summary>Cold when Lambda reported an Init or a Restore duration, as <see cref="InvocationRecord.StartType"/> says.</summary>
    /// <summary>The batch label the function logged for this invocation (its workload), or null.</summary>
    public string? Label(int row) => _rare is null ? null : Rare(row).Tag?.Label;

    /// <summary>The round of a replicated run the row belongs to; null where none was logged.</summary>
    public int? Round(int row) => _rare is null ? null : Rare(row).Tag?.Round;

    public bool IsCold(int row) => !double.IsNaN(_init[row]) || (_rare is not null && Rare(row).RestoreDurationMs is not null);

    /// <summary>The source's index, adding it on first use.</summary>
    public int AddSource(InvocationSource source)
    {
        if (!_sourceIndex.TryGetValue(source, out var index))
        {
            _sourceIndex[source] = index = _sources.Count;
            _sources.Add(source);
        }

        return index;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(ReadOnlySpan<char> requestId, int source, DateTimeOffset? timestamp, in ReportMetrics metrics)
    {
        _ids.Add(requestId);
        _source.Add(source);
        _timestamp.Add(timestamp?.UtcTicks ?? NoTimestamp);
        _duration.Add(metrics.DurationMs);
        _billed.Add(metrics.BilledDurationMs ?? double.NaN);
        _init.Add(metrics.InitDurationMs ?? double.NaN);
        _maxMemory.Add(metrics.MaxMemoryUsedMb ?? double.NaN);
        _memory.Add(metrics.MemorySizeMb ?? -1);
        _status.Add(StatusCode(metrics.Status));
        if (metrics.RestoreDurationMs is not null || metrics.BilledRestoreDurationMs is not null || metrics.ErrorType is not null)
        {
            (_rare ??= [])[Count - 1] = new RareFields(metrics.RestoreDurationMs, metrics.BilledRestoreDurationMs, metrics.ErrorType, null);
        }
    }

    /// <summary>Drops the last row appended: a line read as a row, then found by what follows it to be no whole line.</summary>
    public void RemoveLast()
    {
        _rare?.Remove(Count - 1);
        _ids.RemoveLast();
        _source.RemoveLast();
        _timestamp.RemoveLast();
        _duration.RemoveLast();
        _billed.RemoveLast();
        _init.RemoveLast();
        _maxMemory.RemoveLast();
        _memory.RemoveLast();
        _status.RemoveLast();
    }

    /// <summary>For each of <paramref name="from"/>'s sources, its index here.</summary>
    public int[] MapSources(InvocationColumns from) => from._sources.Select(AddSource).ToArray();

    /// <summary>Room for <paramref name="additional"/> more rows in every column at once.</summary>
    public void Reserve(int additional)
    {
        _ids.Reserve(additional);
        _source.Reserve(additional);
        _memory.Reserve(additional);
        _timestamp.Reserve(additional);
        foreach (var column in new[] { _duration, _billed, _init, _maxMemory })
        {
            column.Reserve(additional);
        }

        _status.Reserve(additional);
    }

    /// <summary>
    /// New columns whose row i is parts[partOf[i]]'s row rowOf[i]: one pass a column, so merging files and putting
    /// rows in output order cost one copy of each value, or none: parts that are <see cref="Windows"/> whose rows are
    /// asked for in window order are moved together in place, and are then empty.
    /// </summary>
    public static InvocationColumns Gather(IReadOnlyList<InvocationColumns> parts, int[] partOf, int[] rowOf)
    {
        var result = new InvocationColumns();
        var sourceMaps = parts.Select(result.MapSources).ToArray();
        if (parts.Any(p => p._rare is not null))
        {
            result._rare = [];
            for (var i = 0; i < partOf.Length; i++)
            {
                if (parts[partOf[i]]._rare?.TryGetValue(rowOf[i], out var rare) == true)
                {
                    result._rare[i] = rare;
                }
            }
        }

        ColumnBuffer<T> Column<T>(Func<InvocationColumns, ColumnBuffer<T>> column, Func<int, T, T>? map = null)
            where T : unmanaged => ColumnBuffer<T>.Gather(parts.Select(column).ToList(), partOf, rowOf, map);

        // Columns are independent: gathered side by side (most of the cost is the first touch of the new memory).
        Parallel.Invoke(
            () => result._ids = RequestIdColumn.Gather(parts.Select(p => p._ids).ToList(), partOf, rowOf),
            () => result._source = Column(c => c._source, (p, source) => sourceMaps[p][source]),
            () => result._memory = Column(c => c._memory),
            () => result._timestamp = Column(c => c._timestamp),
            () => result._duration = Column(c => c._duration),
            () => result._billed = Column(c => c._billed),
            () => result._init = Column(c => c._init),
            () => result._maxMemory = Column(c => c._maxMemory),
            () => result._status = Column(c => c._status));
        return result;
    }

    /// <summary>
    /// The first request id that appears twice across <paramref name="parts"/> (in order), with the part holding its
    /// second appearance; null when every id is unique. Ids are compared as stored (16 bytes for UUIDs), not as strings.
    /// </summary>
    public static (int Part, string RequestId)? FirstRepeatedRequestId(IReadOnlyList<InvocationColumns> parts)
    {
        // The ingest's own index of first-seen ids, so both find a repeated id the same way.
        var firstSeen = new RequestIdIndex();
        firstSeen.Reserve(parts.Sum(p => p.Count));
        for (var part = 0; part < parts.Count; part++)
        {
            int? repeated = null;
            firstSeen.AddSegment(parts[part], (row, _) =>
            {
                repeated = row;
                return false;
            });
            if (repeated is { } row)
            {
                return (part, parts[part].RequestId(row));
            }
        }

        return null;
    }

    /// <summary>Attaches what the function logged about this invocation (batch id, label, repetition, round).</summary>
    public void SetTag(int row, InvocationTag tag)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Count);
        (_rare ??= [])[row] = Rare(row) with { Tag = tag };
    }

    /// <summary>Timestamps as UTC ticks, <see cref="long.MaxValue"/> where absent (so undated rows sort last).</summary>
    public long SortableTicks(int row) => _timestamp[row] is var t and not NoTimestamp ? t : long.MaxValue;

    /// <summary>The same metrics in two rows (a duplicate, not a conflict): Duration, Billed and Init Duration, memory and status.</summary>
    public bool SameMetrics(int row, InvocationColumns other, int otherRow) =>
        _duration[row].Equals(other._duration[otherRow]) && _billed[row].Equals(other._billed[otherRow]) && _init[row].Equals(other._init[otherRow])
        && _memory[row] == other._memory[otherRow] && _maxMemory[row].Equals(other._maxMemory[otherRow]) && _status[row] == other._status[otherRow];

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;

    private static byte StatusCode(string status) => status switch
    {
        InvocationStatus.Success => 0,
        InvocationStatus.Error => 1,
        InvocationStatus.Timeout => 2,
        InvocationStatus.Failure => 3,
        _ => throw new FormatException($"unknown status '{status}' (expected one of {string.Join(", ", StatusNames)})"),
    };

    private RareFields Rare(int row) => _rare is not null && _rare.TryGetValue(row, out var rare) ? rare : default;

    /// <summary>The fields few rows carry, kept only for those rows.</summary>
    private readonly record struct RareFields(double? RestoreDurationMs, double? BilledRestoreDurationMs, string? ErrorType, InvocationTag? Tag);
}
