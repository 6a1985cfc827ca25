using System.Runtime.CompilerServices;
namespace Lambench.Core.Columns;

/// <summary>
/// Request ids as 16-byte values where they are canonical (lower-case, hyphenated) UUIDs, as Lambda writes them, so a
/// million ids cost 16 MB instead of a million strings; any other id is kept as its text, so every id reads back
/// exactly as it was written.
/// </summary>
internal sealed class RequestIdColumn
{
    private ColumnBuffer<Guid> _uuids;
    private Dictionary<int, string>? _texts;

    public RequestIdColumn(int capacity = 0) => _uuids = new(capacity);

    /// <summary>A column whose UUIDs are kept in <paramref name="uuids"/> (a window of a shared array, say).</summary>
    public RequestIdColumn(ColumnBuffer<Guid> uuids) => _uuids = uuids;

    public int Count => _uuids.Count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> id)
    {
        if (TryCanonicalUuid(id, out var uuid))
        {
            _uuids.Add(uuid);
            return;
        }

        (_texts ??= [])[_uuids.Count] = id.ToString();
        _uuids.Add(default);
    }

    public void RemoveLast()
    {
        _texts?.Remove(_uuids.Count - 1);
        _uuids.RemoveLast();
    }

    public Guid Uuid(int row) => _uuids[row];

    public void Reserve(int additional) => _uuids.Reserve(additional);

    public string Get(int row) => Text(row) ?? _uuids[row].ToString("D");

    /// <summary>The id as a UUID, or its text when it is not a canonical UUID: the key for finding duplicates.</summary>
    public (Guid Uuid, string? Text) Key(int row) => (_uuids[row], Text(row));

    /// <summary>The ids parts[partOf[i]][rowOf[i]], in that order.</summary>
    public static RequestIdColumn Gather(IReadOnlyList<RequestIdColumn> parts, ReadOnlySpan<int> partOf, ReadOnlySpan<int> rowOf)
    {
        var texts = parts.Any(p => p._texts is not null) ? new Dictionary<int, string>() : null;
        for (var i = 0; texts is not null && i < partOf.Length; i++)
        {
            if (parts[partOf[i]].Text(rowOf[i]) is { } text)
            {
                texts[i] = text;
            }
        }

        // After the texts: gathering the UUIDs in place consumes the parts.
        return new RequestIdColumn(ColumnBuffer<Guid>.Gather(parts.Select(p => p._uuids).ToList(), partOf, rowOf)) { _texts = texts };
    }

    private string? Text(int row) => _texts is not null && _texts.TryGetValue(row, out var text) ? text : null;

    private static readonly System.Buffers.SearchValues<char> LowerHexOrDash = System.Buffers.SearchValues.Create("0123456789abcdef-");

    /// <summary>Only the exact spelling Guid.ToString("D") gives back: 36 characters, hyphenated, lower-case hex.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool TryCanonicalUuid(ReadOnlySpan<char> id, out Guid uuid)
    {
        uuid = default;
        // Lower-case hex digits only: Guid's parser also takes "0x" inside a group ("d1cded6d-0xcd-…" read as
        // "d1cded6d-00cd-…"), which would change the id.
        return id.Length == 36 && !id.ContainsAnyExcept(LowerHexOrDash) && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-'
            && Guid.TryParseExact(id, "D", out uuid);
    }
}
