using System.Runtime.CompilerServices;

namespace Lambench.Core.Columns;

/// <summary>
/// One partition of <see cref="RequestIdIndex"/>: an open-addressing table (linear probing, at most 70% full) of row
/// numbers, each beside a 4-byte fingerprint of its id's hash, so a probe reads a row's id back from its column only
/// when the fingerprints match. Small enough to stay in the processor's cache while a partition is filled.
/// </summary>
internal sealed class UuidHashTable
{
    private long[] _slots = new long[16]; // fingerprint << 32 | row number + 1; 0 is empty
    private int _count;

    /// <summary>Room for <paramref name="additional"/> more ids with the table at most 70% full (probes stay short, and cheap: the table is in the cache).</summary>
    public void Reserve(int additional)
    {
        var size = _slots.Length;
        while ((long)(_count + additional) * 10 > size * 7L)
        {
            size *= 2;
        }

        if (size > _slots.Length)
        {
            var old = _slots;
            _slots = new long[size];
            foreach (var entry in old)
            {
                if (entry != 0)
                {
                    _slots[EmptySlot((uint)((ulong)entry >> 32))] = entry;
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
        if (_slots[slot] != 0)
        {
            existing = (int)_slots[slot] - 1;
            return false;
        }

        Reserve(1);
        _slots[EmptySlot((uint)hash)] = (long)((ulong)(uint)hash << 32 | (uint)(number + 1));
        _count++;
        existing = -1;
        return true;
    }

    public bool Contains(Guid uuid, ulong hash, Func<int, Guid> uuidOf) => _slots[Find(hash, uuidOf, -1, uuid)] != 0;

    /// <summary>The slot holding the id (that of row <paramref name="number"/>, or <paramref name="uuid"/> when there is none), or the empty slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Find(ulong hash, Func<int, Guid> uuidOf, int number, Guid uuid = default)
    {
        var mask = _slots.Length - 1;
        var fingerprint = (uint)hash;
        for (var slot = Start(fingerprint); ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
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

    private int EmptySlot(uint fingerprint)
    {
        var mask = _slots.Length - 1;
        var slot = Start(fingerprint);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }

        return slot;
    }

    /// <summary>The first slot to probe: the fingerprint times 2^32/φ, its top bits (Fibonacci hashing).</summary>
    private int Start(uint fingerprint) => (int)((fingerprint * 2654435769u) >> (32 - System.Numerics.BitOperations.Log2((uint)_slots.Length)));
}
