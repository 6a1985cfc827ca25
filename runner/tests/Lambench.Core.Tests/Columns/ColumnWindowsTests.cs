using Lambench.Core.Columns;
using Lambench.Core.Ingest;
using Lambench.Core.Parsing;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Columns;

/// <summary>
/// Columns that are windows of shared arrays: gathered in place when the rows asked for only move down, copied
/// otherwise, with the same records either way as columns built one record at a time (InvocationColumns.From).
/// </summary>
public sealed class ColumnWindowsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lambench-windows-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static InvocationRecord Record(string configuration, int i) => new()
    {
        Configuration = configuration,
        RequestId = i % 5 == 0 ? $"text-{configuration}-{i}" : new Guid(i, 1, 2, [3, 4, 5, 6, 7, 8, 9, (byte)configuration.Length]).ToString("D"),
        DurationMs = i + 0.25,
        InitDurationMs = i % 3 == 0 ? 100 + i : null,
        ErrorType = i % 7 == 0 ? "Runtime.ExitError" : null,
        Status = i % 7 == 0 ? InvocationStatus.Error : InvocationStatus.Success,
    };

    private static InvocationColumns[] Filled(InvocationRecord[][] parts, int[] capacities)
    {
        var windows = InvocationColumns.Windows(capacities);
        for (var p = 0; p < parts.Length; p++)
        {
            var source = windows[p].AddSource(new InvocationSource(parts[p][0].Configuration, null, null, null, null));
            foreach (var record in parts[p])
            {
                windows[p].Append(record.RequestId, source, null, new ReportMetrics(record.DurationMs, null, null, null, record.InitDurationMs, null, null, record.Status, record.ErrorType));
            }
        }

        return windows;
    }

    [Fact]
    public void Rows_asked_for_in_window_order_are_moved_in_place_and_the_windows_emptied()
    {
        InvocationRecord[][] parts = [[.. Enumerable.Range(0, 6).Select(i => Record("a", i))], [.. Enumerable.Range(6, 4).Select(i => Record("b", i))]];
        var windows = Filled(parts, [8, 5]); // room left over in each: gaps the gather closes
        // Rows 1 and 3 of the first window are dropped (as repeated ids would be).
        int[] partOf = [0, 0, 0, 0, 1, 1, 1, 1];
        int[] rowOf = [0, 2, 4, 5, 0, 1, 2, 3];
        var gathered = InvocationColumns.Gather(windows, partOf, rowOf);

        var expected = partOf.Select((p, i) => parts[p][rowOf[i]]).ToList();
        Assert.Equal(expected, new InvocationRecordList(gathered));
        Assert.All(windows, w => Assert.Equal(0, w.Count)); // consumed: empty, never stale values
    }

    [Fact]
    public void Rows_asked_for_out_of_window_order_are_copied_and_the_windows_kept()
    {
        InvocationRecord[][] parts = [[.. Enumerable.Range(0, 3).Select(i => Record("a", i))], [.. Enumerable.Range(3, 3).Select(i => Record("b", i))]];
        var windows = Filled(parts, [3, 3]);
        int[] partOf = [1, 1, 1, 0, 0, 0];
        int[] rowOf = [0, 1, 2, 0, 1, 2];
        var gathered = InvocationColumns.Gather(windows, partOf, rowOf);

        Assert.Equal(parts[1].Concat(parts[0]), new InvocationRecordList(gathered));
        Assert.Equal(parts[0], new InvocationRecordList(windows[0]));
    }

    [Fact]
    public void A_window_that_overflows_moves_to_its_own_arrays_and_loses_nothing()
    {
        InvocationRecord[][] parts = [[.. Enumerable.Range(0, 5000).Select(i => Record("a", i))], [.. Enumerable.Range(0, 3).Select(i => Record("b", i))]];
        var windows = Filled(parts, [10, 3]);
        Assert.Equal(parts[0], new InvocationRecordList(windows[0]));
        Assert.Equal(parts[1], new InvocationRecordList(windows[1]));
        var gathered = InvocationColumns.Gather(windows, [0, 0, 1], [4999, 0, 2]);
        Assert.Equal([parts[0][4999], parts[0][0], parts[1][2]], new InvocationRecordList(gathered));
    }

    [Fact]
    public void Files_given_out_of_configuration_order_and_out_of_time_order_come_out_as_without_windows()
    {
        static string Line(int second, string id, double duration) =>
            $"2026-11-01T00:00:{second:00}.000Z REPORT RequestId: {id}\tDuration: {duration:F2} ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB\t";
        var id = Enumerable.Range(0, 8).Select(i => new Guid(i + 1, 0, 0, new byte[8]).ToString("D")).ToArray();
        File.WriteAllLines(Path.Combine(directory, "zeta.log"), [Line(1, id[0], 1), Line(2, id[1], 2), Line(3, id[2], 3)]);
        File.WriteAllLines(Path.Combine(directory, "alpha.log"), [Line(5, id[3], 4), Line(4, id[4], 5), Line(6, id[0], 1)]); // out of time order
        File.WriteAllLines(Path.Combine(directory, "mid.log"), [Line(1, id[5], 6), Line(1, id[5], 6), Line(2, id[6], 7)]); // a repeated id
        var ingestor = new LogIngestor(new IngestOptions());
        ingestor.AddFiles(new[] { "zeta.log", "alpha.log", "mid.log" }.Select(f => (Path.Combine(directory, f), (IngestOptions?)null)).ToList());
        var result = ingestor.Complete();

        // By configuration (ordinal), then time; id[0] appears in zeta and alpha: kept where first seen (zeta, the first file given).
        Assert.Equal(
            [("alpha", id[4]), ("alpha", id[3]), ("mid", id[5]), ("mid", id[6]), ("zeta", id[0]), ("zeta", id[1]), ("zeta", id[2])],
            result.Invocations.Select(r => (r.Configuration, r.RequestId)));
        Assert.Equal(2, result.Summary.DuplicatesMerged);

        // Completing again, and after another file, gives the same rows plus the new ones.
        Assert.Equal(result.Invocations.ToList(), ingestor.Complete().Invocations.ToList());
        File.WriteAllLines(Path.Combine(directory, "beta.log"), [Line(9, id[7], 8), Line(9, id[1], 2)]);
        ingestor.AddFile(Path.Combine(directory, "beta.log"));
        var after = ingestor.Complete();
        Assert.Equal([("alpha", id[4]), ("alpha", id[3]), ("beta", id[7]), ("mid", id[5]), ("mid", id[6]), ("zeta", id[0]), ("zeta", id[1]), ("zeta", id[2])],
            after.Invocations.Select(r => (r.Configuration, r.RequestId)));
        Assert.Equal(result.Invocations.Count, result.Columns.Count); // the first result is still whole
    }
}
