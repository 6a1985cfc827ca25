using Lambench.Core.Columns;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Columns;

/// <summary>
/// The partitioned first-seen index against the obvious implementation: one Dictionary from id text to where it was
/// first seen, walked in segment and row order. Ids repeat within and across segments, some are not UUIDs, and the
/// tables must grow past what was reserved.
/// </summary>
public sealed class RequestIdIndexTests
{
    [Theory]
    [InlineData(7, 3, 2_000, 0)]       // reserved up front, as the ingest does
    [InlineData(11, 5, 30_000, 100)]   // reserved far too little: every partition grows
    [InlineData(13, 1, 0, 0)]          // an empty segment
    public void Repeats_and_where_they_were_first_seen_match_a_dictionary(int seed, int segments, int rowsPerSegment, int reserve)
    {
        var random = new Random(seed);
        var pool = Enumerable.Range(0, rowsPerSegment * segments * 3 / 4 + 1)
            .Select(i => i % 97 == 0 ? $"text-id-{i}" : RandomUuid(random))
            .ToArray();
        var parts = Enumerable.Range(0, segments).Select(_ => InvocationColumns.From(
            Enumerable.Range(0, rowsPerSegment).Select(_ => new InvocationRecord { Configuration = "c", RequestId = pool[random.Next(pool.Length)], DurationMs = 1 }))).ToList();

        var expected = new List<(int Segment, int Row, int FirstSegment, int FirstRow)>();
        var seen = new Dictionary<string, (int, int)>();
        for (var s = 0; s < parts.Count; s++)
        {
            for (var row = 0; row < parts[s].Count; row++)
            {
                if (!seen.TryAdd(parts[s].RequestId(row), (s, row)))
                {
                    var (fs, fr) = seen[parts[s].RequestId(row)];
                    expected.Add((s, row, fs, fr));
                }
            }
        }

        var index = new RequestIdIndex();
        index.Reserve(reserve == 0 ? parts.Sum(p => p.Count) : reserve);
        var actual = new List<(int Segment, int Row, int FirstSegment, int FirstRow)>();
        for (var s = 0; s < parts.Count; s++)
        {
            index.AddSegment(parts[s], (row, first) =>
            {
                actual.Add((s, row, first.Segment, first.Row));
                return true;
            });
        }

        Assert.Equal(expected, actual);
        Assert.All(seen.Keys, id => Assert.True(index.Contains(id)));
        Assert.False(index.Contains("00000000-0000-0000-0000-000000000001"));
        Assert.False(index.Contains("never-seen"));
        if (rowsPerSegment > 0)
        {
            Assert.NotEmpty(expected); // the case tests repeats, not only their absence
        }
    }

    private static string RandomUuid(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString("D");
    }

    [Fact]
    public void Stopping_at_the_first_repeat_reports_only_it()
    {
        var ids = new[] { "5b2a2c1e-8f0a-4c55-9d21-0c8e8f6a1b2c", "6b2a2c1e-8f0a-4c55-9d21-0c8e8f6a1b2c", "5b2a2c1e-8f0a-4c55-9d21-0c8e8f6a1b2c", "6b2a2c1e-8f0a-4c55-9d21-0c8e8f6a1b2c" };
        var rows = InvocationColumns.From(ids.Select(id => new InvocationRecord { Configuration = "c", RequestId = id, DurationMs = 1 }));
        var reported = new List<int>();
        new RequestIdIndex().AddSegment(rows, (row, _) =>
        {
            reported.Add(row);
            return false;
        });
        Assert.Equal([2], reported);
    }
}
