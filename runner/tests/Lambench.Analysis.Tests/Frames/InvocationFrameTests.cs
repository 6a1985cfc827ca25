using Lambench.Analysis.Frames;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Frames;

public class InvocationFrameTests
{
    private static InvocationRecord Row(string id, double duration, double? init = null) =>
        new() { Configuration = "c", RequestId = id, DurationMs = duration, InitDurationMs = init, MemorySizeMb = 128 };

    [Fact]
    public void Has_the_csv_columns_in_order_even_when_empty()
    {
        var frame = InvocationFrame.Create([]);
        Assert.Equal(0, frame.Rows.Count);
        Assert.Equal(InvocationCsvColumns.InOrder, frame.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Keeps_absent_values_null_and_types_numbers()
    {
        var one = InvocationFrame.Create([Row("a", 1.5)]);
        Assert.Equal(1, one.Rows.Count);
        Assert.Equal(1.5, one["duration_ms"][0]);
        Assert.Null(one["init_duration_ms"][0]); // warm: no Init, not an Init of 0
        Assert.Equal(128, one["memory_size_mb"][0]);
        Assert.Equal("warm", one["start_type"][0]);

        var two = InvocationFrame.Create([Row("a", 1.5), Row("b", 2.5, 100)]);
        Assert.Equal("cold", two["start_type"][1]);
        Assert.Equal(1, two["init_duration_ms"].NullCount);
        Assert.Equal(2.0, (double)two["duration_ms"].Mean()); // (1.5 + 2.5) / 2, by hand
    }

    [Fact]
    public void Matches_the_sample_csv_row_for_row()
    {
        var rows = InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv);
        var frame = InvocationFrame.Create(rows);
        Assert.Equal(rows.Count, frame.Rows.Count);
        Assert.Equal(rows.Select(r => r.RequestId), frame["request_id"].Cast<string>());
        // The sample's warm mean, by hand: (3003.55 + 3001.53 + 3003.64 + 3003.35 + 3003.57) / 5 = 3003.128.
        var warm = frame.Filter(frame["start_type"].ElementwiseEquals("warm"));
        Assert.Equal(3003.128, (double)warm["duration_ms"].Mean(), 9);
    }
}
