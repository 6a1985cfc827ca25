using System.Runtime.CompilerServices;
namespace Lambench.Core.Columns;

/// <summary>
/// A growable array of one unmanaged value type: one column of <see cref="InvocationColumns"/>. Doubling growth,
/// <see cref="Reserve"/> for readers that can estimate how many rows come, and <see cref="Gather"/> to build a column
/// from others in one pass.
/// </summary>
internal sealed class ColumnBuffer<T>(int capacity = 0) where T : unmanaged
{
    // Uninitialised: capacity reserved ahead and never written costs no memory (its pages are never touched).
    private T[] _items = capacity > 0 ? GC.AllocateUninitializedArray<T>(capacity) : [];

    private ColumnBuffer(T[] items)
        : this(0)
    {
        _items = items;
        Count = items.Length;
    }

    public int Count { get; private set; }

    public T this[int index] => _items[index];

    public ReadOnlySpan<T> Span => _items.AsSpan(0, Count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(T value)
    {
        if (Count == _items.Length)
        {
            Grow(Count + 1);
        }

        _items[Count++] = value;
    }

    public void Reserve(int additional)
    {
        if (Count + additional > _items.Length)
        {
            Resize(Count + additional);
        }
    }

    /// <summary>A column whose row i is parts[partOf[i]][rowOf[i]], each value passed through its part's <paramref name="map"/> if given.</summary>
    public static ColumnBuffer<T> Gather(IReadOnlyList<ColumnBuffer<T>> parts, ReadOnlySpan<int> partOf, ReadOnlySpan<int> rowOf, Func<int, T, T>? map = null)
    {
        var items = GC.AllocateUninitializedArray<T>(partOf.Length);
        var sources = parts.Select(p => p._items).ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            var value = sources[partOf[i]][rowOf[i]];
            items[i] = map is null ? value : map(partOf[i], value);
        }

        return new ColumnBuffer<T>(items);
    }

    private void Grow(int needed) => Resize(Math.Max(needed, Math.Max(1024, _items.Length * 2)));

    private void Resize(int capacity)
    {
        var larger = GC.AllocateUninitializedArray<T>(capacity);
        Span.CopyTo(larger);
        _items = larger;
    }
}
