namespace Lambench.Load.Recording;

/// <summary>
/// Every request's record, in send order, in fixed chunks: the generator adds a record before it sends, and the
/// request's completion fills it in place, so no completion ever writes into an array being copied by a resize.
/// </summary>
public sealed class RecordStore
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    // Room for 2^32 records, allocated a chunk at a time; the array of chunks itself never moves.
    private readonly RequestRecord[][] chunks = new RequestRecord[1 << 16][];
    private long count;

    public long Count => Volatile.Read(ref count);

    /// <summary>The record of request <paramref name="sequence"/>; only the generator adds records, one at a time.</summary>
    public ref RequestRecord this[long sequence] => ref chunks[sequence >> ChunkBits][sequence & (ChunkSize - 1)];

    /// <summary>Adds a record (called by one thread only) and returns its sequence number.</summary>
    public long Add(long intendedUs, long sentUs)
    {
        var sequence = count;
        if ((sequence & (ChunkSize - 1)) == 0)
        {
            chunks[sequence >> ChunkBits] = new RequestRecord[ChunkSize];
        }

        ref var record = ref this[sequence];
        record.Sequence = sequence;
        record.IntendedUs = intendedUs;
        record.SentUs = sentUs;
        Volatile.Write(ref count, sequence + 1);
        return sequence;
    }

    /// <summary>The records, in send order (read once the load has ended).</summary>
    public IEnumerable<RequestRecord> All()
    {
        for (long i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }
}
