using System.Runtime.CompilerServices;

namespace Lambench.Core.Columns;

/// <summary>
/// A growable array of one unmanaged value type: one column of <see cref="InvocationColumns"/>. Doubling growth,
/// <see cref="Reserve"/> for readers that can estimate how many rows come, and <see cref="Gather"/> to build a column
/// from others in one pass. A buffer can also be a window of an array shared with others (<see cref="Windows"/>), which
/// it leaves if it outgrows it; gathering windows whose rows only move down is done in place, with no new memory.
/// </summary>
internal sealed class ColumnBuffer<T> where T : unmanaged
{
    // Uninitialised: capacity reserved ahead and never written costs no memory (its pages are never touched).
    private T[] _items;
    private int _offset, _capacity;

    // A window of a shared array, not yet gathered in place; gathering in place overwrites it, and then it is Consumed.
    private bool _scratch;

    public ColumnBuffer(int capacity = 0) => (_items, _capacity) = (capacity > 0 ? LargeArray.Allocate<T>(capacity) : [], capacity);

    private ColumnBuffer(T[] items, int count, int offset = 0)
    {
        (_items, _offset, _capacity) = (items, offset, items.Length - offset);
        Count = count;
    }

    public int Count { get; private set; }

    public T this[int index] => (uint)index < (uint)Count ? _items[_offset + index] : throw Outside(index);

    public ReadOnlySpan<T> Span => _items.AsSpan(_offset, Count);

    /// <summary>Buffers that are consecutive windows of one new array, <paramref name="capacities"/>[i] values each.</summary>
    public static ColumnBuffer<T>[] Windows(IReadOnlyList<int> capacities)
    {
        var shared = LargeArray.AllocateAligned<T>(capacities.Sum(), out var offset);
        var windows = new ColumnBuffer<T>[capacities.Count];
        for (var i = 0; i < windows.Length; i++)
        {
            windows[i] = new ColumnBuffer<T>(shared, 0, offset) { _capacity = capacities[i], _scratch = true };
            offset += capacities[i];
        }

        return windows;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        if (Count == _capacity)
        {
            Grow(Count + 1);
        }

        _items[_offset + Count++] = value;
    }

    /// <summary>Drops the last row (one just added and then found to be no row).</summary>
    public void RemoveLast() => Count = Count > 0 ? Count - 1 : throw Outside(0);

    public void Reserve(int additional)
    {
        if (Count + additional > _capacity)
        {
            Resize(Count + additional);
        }
    }

    /// <summary>
    /// A column whose row i is parts[partOf[i]][rowOf[i]], each value passed through its part's <paramref name="map"/> if
    /// given. When the parts are unshared windows of one array and every row moves down or stays, the rows are moved
    /// within that array (the parts are consumed); otherwise they are copied to a new one.
    /// </summary>
    public static ColumnBuffer<T> Gather(IReadOnlyList<ColumnBuffer<T>> parts, ReadOnlySpan<int> partOf, ReadOnlySpan<int> rowOf, Func<int, T, T>? map = null)
    {
        if (CanGatherInPlace(parts, partOf, rowOf))
        {
            var shared = parts[0]._items;
            var offsets = parts.Select(p => p._offset).ToArray();
            var start = offsets.Min();
            for (var i = 0; i < partOf.Length; i++)
            {
                // start + i <= the source position, which only grows: no row is overwritten before it is read.
                var value = shared[offsets[partOf[i]] + rowOf[i]];
                shared[start + i] = map is null ? value : map(partOf[i], value);
            }

            foreach (var part in parts)
            {
                (part._items, part._offset, part._capacity, part.Count, part._scratch) = ([], 0, 0, 0, false);
            }

            return new ColumnBuffer<T>(shared, partOf.Length, start);
        }

        var items = LargeArray.Allocate<T>(partOf.Length);
        var sources = parts.Select(p => p._items).ToArray();
        var starts = parts.Select(p => p._offset).ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            var value = sources[partOf[i]][starts[partOf[i]] + rowOf[i]];
            items[i] = map is null ? value : map(partOf[i], value);
        }

        return new ColumnBuffer<T>(items, items.Length);
    }

    /// <summary>Every part an unshared window of the same array, and the rows asked for in ascending position there.</summary>
    private static bool CanGatherInPlace(IReadOnlyList<ColumnBuffer<T>> parts, ReadOnlySpan<int> partOf, ReadOnlySpan<int> rowOf)
    {
        if (parts.Count == 0 || parts.Any(p => !p._scratch || p._items != parts[0]._items))
        {
            return false;
        }

        var previous = -1L;
        for (var i = 0; i < partOf.Length; i++)
        {
            var position = (long)parts[partOf[i]]._offset + rowOf[i];
            if (position <= previous || rowOf[i] >= parts[partOf[i]].Count)
            {
                return false;
            }

            previous = position;
        }

        return true;
    }

    private void Grow(int needed) => Resize(Math.Max(needed, Math.Max(1024, _capacity * 2)));

    /// <summary>Moves the values to an array of their own (leaving a shared array, if in one).</summary>
    private void Resize(int capacity)
    {
        var larger = LargeArray.Allocate<T>(capacity);
        Span.CopyTo(larger);
        (_items, _offset, _capacity, _scratch) = (larger, 0, capacity, false);
    }

    private static ArgumentOutOfRangeException Outside(int index) => new(nameof(index), index, "no such row");
}
