using System.Runtime.CompilerServices;

namespace Lambench.Core.Columns;

/// <summary>
/// One partition of <see cref="RequestIdIndex"/>: an open-addressing table (linear probing, at most 70% full) of row
/// numbers, each beside a 4-byte fingerprint of its id's hash, so a probe reads a row's id back from its column only
/// when the fingerprints match. Small enough to stay in the processor's cache while a partition is filled.
/// </summary>
internal sealed class UuidHashTable
{
    // Slots _base.._base + _size of _block (a slice of a block shared by all partitions, until the table outgrows it):
    // fingerprint << 32 | row number + 1; 0 is empty.
    private long[] _block = new long[16];
    private int _base, _size = 16, _count;

    private Span<long> Slots
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _block.AsSpan(_base, _size);
    }

    /// <summary>Where an empty table keeps its slots: <paramref name="size"/> (a power of two) zeroed values of <paramref name="block"/> from <paramref name="start"/>.</summary>
    public void Use(long[] block, int start, int size)
    {
        if (_count > 0 || size <= _size)
        {
            return;
        }

        (_block, _base, _size) = (block, start, size);
    }

    /// <summary>The slots an empty table needs for <paramref name="ids"/> ids.</summary>
    public static int SizeFor(int ids)
    {
        var size = 16;
        while ((long)ids * 10 > size * 7L)
        {
            size *= 2;
        }

        return size;
    }

    /// <summary>Room for <paramref name="additional"/> more ids with the table at most 70% full (probes stay short, and cheap: the table is in the cache).</summary>
    public void Reserve(int additional)
    {
        var size = Math.Max(_size, SizeFor(_count + additional));
        if (size > _size)
        {
            var old = Slots;
            (_block, _base, _size) = (new long[size], 0, size);
            foreach (var entry in old)
            {
                if (entry != 0)
                {
                    _block[EmptySlot((uint)((ulong)entry >> 32))] = entry;
                }
            }
        }
    }

    /// <summary>Adds row number <paramref name="number"/>, whose id has this hash; if the id is there, false and the number it was added with.</summary>
    /// <param name="uuidOf">the id of a row number, read only to tell ids with equal fingerprints apart.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryAdd(ulong hash, int number, Func<int, Guid> uuidOf, out int existing)
    {
        var slot = Find(hash, uuidOf, number);
        if (Slots[slot] != 0)
        {
            existing = (int)Slots[slot] - 1;
            return false;
        }

        Reserve(1);
        Slots[EmptySlot((uint)hash)] = (long)((ulong)(uint)hash << 32 | (uint)(number + 1));
        _count++;
        existing = -1;
        return true;
    }

    public bool Contains(Guid uuid, ulong hash, Func<int, Guid> uuidOf) => Slots[Find(hash, uuidOf, -1, uuid)] != 0;

    /// <summary>The slot holding the id (that of row <paramref name="number"/>, or <paramref name="uuid"/> when there is none), or the empty slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ulong hash, Func<int, Guid> uuidOf, int number, Guid uuid = default)
    {
        var slots = Slots;
        var mask = slots.Length - 1;
        var fingerprint = (uint)hash;
        for (var slot = Start(fingerprint); ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return slot;
            }

            if ((uint)((ulong)entry >> 32) == fingerprint)
            {
                if (number >= 0)
                {
                    uuid = uuidOf(number);
                    number = -1;
                }

                if (uuidOf((int)entry - 1) == uuid)
                {
                    return slot;
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int EmptySlot(uint fingerprint)
    {
        var slots = Slots;
        var mask = slots.Length - 1;
        var slot = Start(fingerprint);
        while (slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    /// <summary>The first slot to probe: the fingerprint times 2^32/φ, its top bits (Fibonacci hashing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Start(uint fingerprint) => (int)((fingerprint * 2654435769u) >> (32 - System.Numerics.BitOperations.Log2((uint)_size)));
}
