using System.Collections;
using Lambench.Core.Records;

namespace Lambench.Core.Columns;

/// <summary>
/// <see cref="InvocationColumns"/> seen as rows: each <see cref="InvocationRecord"/> is built when asked for, so code
/// that wants rows (the CSV writer, the runner's matching) gets them without the columns being copied into objects.
/// </summary>
public sealed class InvocationRecordList(InvocationColumns columns) : IReadOnlyList<InvocationRecord>
{
    public InvocationColumns Columns => columns;

    public int Count => columns.Count;

    public InvocationRecord this[int index] => (uint)index < (uint)columns.Count
        ? columns.Record(index)
        : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<InvocationRecord> GetEnumerator()
    {
        for (var row = 0; row < columns.Count; row++)
        {
            yield return columns.Record(row);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
