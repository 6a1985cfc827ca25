using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lambench.Core.Columns;

/// <summary>
/// Where each request id was first seen, across the files of an ingest. UUID ids (nearly all) are split by the top
/// bits of their hash into 256 small tables of row numbers (<see cref="UuidHashTable"/>), whose keys are read back
/// from the files' columns: a million ids cost 16 MB instead of a dictionary entry each, and each table is filled in
/// one go while it is in the cache, where one large table would miss the cache (and the TLB) on every id. Other ids
/// go in a dictionary of their text.
/// </summary>
internal sealed class RequestIdIndex
{
    private const int PartitionBits = 8;
    private readonly List<int> _segmentStarts = [];
    private readonly List<InvocationColumns> _segments = [];
    private readonly Dictionary<string, (int Segment, int Row)> _byText = new(StringComparer.Ordinal);
    private readonly UuidHashTable[] _partitions = Enumerable.Range(0, 1 << PartitionBits).Select(_ => new UuidHashTable()).ToArray();
    private readonly Func<int, Guid> _uuidOf;
    private int _nextNumber;

    public RequestIdIndex() => _uuidOf = Uuid;

    /// <summary>Room for <paramref name="additional"/> more ids, so the tables grow once for all the files of a call.</summary>
    public void Reserve(int additional)
    {
        // Each partition gets its expected share with a margin of a few standard deviations; one that fills up grows.
        var share = additional >> PartitionBits;
        var margin = share + 4 * (int)Math.Sqrt(share);
        if (_nextNumber == 0 && _byText.Count == 0)
        {
            // The first reservation: all tables in one block, on huge pages where Linux gives them.
            var size = UuidHashTable.SizeFor(margin);
            var block = LargeArray.Allocate<long>(size * _partitions.Length);
            Array.Clear(block);
            for (var p = 0; p < _partitions.Length; p++)
            {
                _partitions[p].Use(block, p * size, size);
            }
        }

        foreach (var partition in _partitions)
        {
            partition.Reserve(margin);
        }
    }

    /// <summary>
    /// Adds the rows of <paramref name="rows"/>, in order, as the next segment. For each row whose id was seen before,
    /// in row order, <paramref name="onRepeat"/>(row, where the id was first seen) is called and says whether to go on.
    /// </summary>
    public void AddSegment(InvocationColumns rows, Func<int, (int Segment, int Row), bool> onRepeat)
    {
        var segment = _segments.Count;
        var start = _nextNumber;
        _segmentStarts.Add(start);
        _segments.Add(rows);
        _nextNumber = checked(_nextNumber + rows.Count);

        var (hashes, order, bounds) = ByPartition(rows);
        var repeats = new List<(int Row, int First)>?[_partitions.Length];
        // Partitions are independent: filled side by side, each in row order, so the first of two equal ids is the earlier.
        Parallel.For(0, _partitions.Length, p => repeats[p] = Fill(_partitions[p], start, hashes, order, bounds[p]..bounds[p + 1]));
        ArrayPool<ulong>.Shared.Return(hashes);
        ArrayPool<int>.Shared.Return(order);
        var all = repeats.Where(r => r is not null).SelectMany(r => r!).Select(r => (r.Row, First: Address(r.First))).ToList();
        all.AddRange(TextRepeats(rows, segment));
        all.Sort((a, b) => a.Row.CompareTo(b.Row));
        foreach (var (row, first) in all)
        {
            if (!onRepeat(row, first))
            {
                return;
            }
        }
    }

    /// <summary>Adds the rows order[range] (hashes[range] their hashes) to one partition; those whose id was there, with its number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private List<(int Row, int First)>? Fill(UuidHashTable partition, int start, ulong[] hashes, int[] order, Range range)
    {
        List<(int Row, int First)>? repeats = null;
        var (offset, length) = range.GetOffsetAndLength(order.Length);
        for (var k = offset; k < offset + length; k++)
        {
            if (!partition.TryAdd(hashes[k], start + order[k], _uuidOf, out var first))
            {
                (repeats ??= []).Add((order[k], first));
            }
        }

        return repeats;
    }

    public bool Contains(string requestId)
    {
        if (!RequestIdColumn.TryCanonicalUuid(requestId, out var uuid))
        {
            return _byText.ContainsKey(requestId);
        }

        var hash = Hash(uuid);
        return _partitions[(int)(hash >> (64 - PartitionBits))].Contains(uuid, hash, _uuidOf);
    }

    /// <summary>
    /// The rows with UUID ids grouped by partition, in row order within each (a counting sort on the hash's top bits), with
    /// their hashes beside them: order[bounds[p]..bounds[p + 1]] are partition p's rows (the text ids' rows are left
    /// out: bounds[^2] on). Both arrays are rented (the caller returns them): the next file's merge reuses their memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (ulong[] Hashes, int[] Order, int[] Bounds) ByPartition(InvocationColumns rows)
    {
        var counts = new int[_partitions.Length + 2];
        const int Text = 1 << PartitionBits;
        for (var row = 0; row < rows.Count; row++)
        {
            counts[Partition(rows, row) + 1]++;
        }

        for (var p = 1; p < counts.Length; p++)
        {
            counts[p] += counts[p - 1];
        }

        var bounds = counts[..^1];
        var next = counts[..^1];
        var order = ArrayPool<int>.Shared.Rent(rows.Count);
        var hashes = ArrayPool<ulong>.Shared.Rent(rows.Count);
        for (var row = 0; row < rows.Count; row++)
        {
            // Hashed again rather than kept from the first pass: a multiply is cheaper than touching 8 more bytes a row.
            var (uuid, text) = rows.RequestIdKey(row);
            var hash = text is null ? Hash(uuid) : 0;
            var at = next[text is null ? (int)(hash >> (64 - PartitionBits)) : Text]++;
            hashes[at] = hash;
            order[at] = row;
        }

        return (hashes, order, [.. bounds, rows.Count]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Partition(InvocationColumns rows, int row)
    {
        var (uuid, text) = rows.RequestIdKey(row);
        return text is null ? (int)(Hash(uuid) >> (64 - PartitionBits)) : 1 << PartitionBits;
    }

    /// <summary>Adds the rows whose id is text, in row order; those whose id was seen before, with where.</summary>
    private List<(int Row, (int Segment, int Row) First)> TextRepeats(InvocationColumns rows, int segment)
    {
        var repeats = new List<(int Row, (int Segment, int Row) First)>();
        for (var row = 0; row < rows.Count; row++)
        {
            if (rows.RequestIdKey(row).Text is { } text && !_byText.TryAdd(text, (segment, row)))
            {
                repeats.Add((row, _byText[text]));
            }
        }

        return repeats;
    }

    /// <summary>A 64-bit mix of the id's two halves (multiplied by odd constants, folded): the top bits pick the partition, the low 32 are the fingerprint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(Guid uuid)
    {
        // No stackalloc here: it would keep this from being inlined into the loops that call it.
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<Guid>(in uuid));
        var h = (MemoryMarshal.Read<ulong>(bytes) * 0x9E3779B97F4A7C15UL) ^ (MemoryMarshal.Read<ulong>(bytes[8..]) * 0xC2B2AE3D27D4EB4FUL);
        return h ^ (h >> 29);
    }

    private Guid Uuid(int number)
    {
        var (segment, row) = Address(number);
        return _segments[segment].RequestIdUuid(row);
    }

    private (int Segment, int Row) Address(int number)
    {
        var segment = _segmentStarts.BinarySearch(number);
        segment = segment >= 0 ? LastStartingAt(segment) : ~segment - 1;
        return (segment, number - _segmentStarts[segment]);
    }

    /// <summary>Empty segments share their start with the next one: the row is in the last of them.</summary>
    private int LastStartingAt(int segment)
    {
        while (segment + 1 < _segmentStarts.Count && _segmentStarts[segment + 1] == _segmentStarts[segment])
        {
            segment++;
        }

        return segment;
    }
}
