namespace Lambench.Core.Columns;

/// <summary>
/// Where each request id was first seen, across the files of an ingest. UUID ids (nearly all) go in an open-addressing
/// table of 4-byte row numbers whose keys are read back from the files' columns, so a million ids cost 8 MB instead of
/// a dictionary entry each; other ids go in a dictionary of their text.
/// </summary>
internal sealed class RequestIdIndex
{
    private readonly List<int> _segmentStarts = [];
    private readonly List<InvocationColumns> _segments = [];
    private readonly Dictionary<string, (int Segment, int Row)> _byText = new(StringComparer.Ordinal);
    private int[] _slots = new int[1 << 10]; // a row's number + 1; 0 is empty
    private int _shift = 32 - 10;
    private int _uuids, _nextNumber;

    /// <summary>Room for <paramref name="additional"/> more ids at most half full, so the table grows once for all the files of a call.</summary>
    public void Reserve(int additional)
    {
        var size = _slots.Length;
        while ((long)(_uuids + additional) * 2 > size)
        {
            size *= 2;
        }

        if (size > _slots.Length)
        {
            Rehash(size);
        }
    }

    /// <summary>The rows that follow are those of <paramref name="rows"/>, segment number <see cref="BeginSegment"/>'s count so far.</summary>
    public void BeginSegment(InvocationColumns rows)
    {
        _segmentStarts.Add(_nextNumber);
        _segments.Add(rows);
        _nextNumber = checked(_nextNumber + rows.Count);
        Reserve(rows.Count);
    }

    /// <summary>Adds row <paramref name="row"/> of the last segment; false, with where the id was first seen, if it was.</summary>
    public bool TryAdd(int row, out (int Segment, int Row) first)
    {
        var segment = _segments.Count - 1;
        var (uuid, text) = _segments[segment].RequestIdKey(row);
        if (text is not null)
        {
            if (_byText.TryAdd(text, (segment, row)))
            {
                first = default;
                return true;
            }

            first = _byText[text];
            return false;
        }

        var slot = Find(uuid);
        if (_slots[slot] != 0)
        {
            first = Address(_slots[slot] - 1);
            return false;
        }

        _slots[slot] = _segmentStarts[segment] + row + 1;
        _uuids++;
        first = default;
        return true;
    }

    public bool Contains(string requestId) =>
        RequestIdColumn.TryCanonicalUuid(requestId, out var uuid) ? _slots[Find(uuid)] != 0 : _byText.ContainsKey(requestId);

    /// <summary>The slot holding <paramref name="uuid"/>, or the empty slot where it would go (linear probing).</summary>
    private int Find(Guid uuid)
    {
        var mask = _slots.Length - 1;
        // Fibonacci hashing: the top bits of the id's hash times 2^32/φ, so ids that differ in few bits still spread.
        for (var slot = (int)((uint)uuid.GetHashCode() * 2654435769u >> _shift); ; slot = (slot + 1) & mask)
        {
            var number = _slots[slot];
            if (number == 0 || Uuid(number - 1) == uuid)
            {
                return slot;
            }
        }
    }

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = new int[size];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
        foreach (var number in old)
        {
            if (number != 0)
            {
                _slots[Find(Uuid(number - 1))] = number;
            }
        }
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
