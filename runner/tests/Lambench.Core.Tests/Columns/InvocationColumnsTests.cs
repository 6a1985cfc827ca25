using Lambench.Core.Columns;
using Lambench.Core.Ingest;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Columns;

/// <summary>Rows go into columns and come back as the same records; duplicates across files are found by id whatever its form.</summary>
public sealed class InvocationColumnsTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("lambench-columns-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static readonly InvocationRecord[] Records =
    [
        new() { Configuration = "go", Runtime = "provided.al2023", Architecture = "arm64", MemorySizeMb = 512, RequestId = "5b2a2c1e-8f0a-4c55-9d21-0c8e8f6a1b2c", TimestampUtc = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), DurationMs = 1.5, BilledDurationMs = 2, MaxMemoryUsedMb = 30, Platform = "aws" },
        new() { Configuration = "go", RequestId = "not-a-uuid", DurationMs = 3.25, InitDurationMs = 80.5, Status = InvocationStatus.Error, ErrorType = "Runtime.ExitError", Label = "cold", BatchId = "b1", Repetition = 2 },
        new() { Configuration = "java", RequestId = "5B2A2C1E-8F0A-4C55-9D21-0C8E8F6A1B2C", DurationMs = 9, RestoreDurationMs = 120.25, BilledRestoreDurationMs = 121, Status = InvocationStatus.Timeout },
        new() { Configuration = "java", RequestId = "00000000-0000-0000-0000-000000000000", DurationMs = 0, Platform = "local" },
    ];

    [Fact]
    public void Records_come_back_unchanged()
    {
        var columns = InvocationColumns.From(Records);
        Assert.Equal(Records, Enumerable.Range(0, columns.Count).Select(columns.Record));
        Assert.Equal(Records, new InvocationRecordList(columns));
        Assert.Equal(4, columns.Sources.Count); // the four rows differ in configuration, runtime, architecture or platform
        Assert.Equal([false, true, true, false], Enumerable.Range(0, columns.Count).Select(columns.IsCold));
    }

    [Fact]
    public void Gathering_picks_rows_from_several_parts_in_the_order_asked()
    {
        var first = InvocationColumns.From(Records[..2]);
        var second = InvocationColumns.From(Records[2..]);
        var gathered = InvocationColumns.Gather([first, second], [1, 0, 1, 0], [1, 1, 0, 0]);
        Assert.Equal([Records[3], Records[1], Records[2], Records[0]], new InvocationRecordList(gathered));
    }

    [Fact]
    public void A_request_id_repeated_within_or_across_parts_is_found()
    {
        var unique = InvocationColumns.From(Records);
        Assert.Null(InvocationColumns.FirstRepeatedRequestId([unique]));
        Assert.Equal((1, Records[0].RequestId), InvocationColumns.FirstRepeatedRequestId([unique, InvocationColumns.From(Records[..1])]));
        Assert.Equal((0, "not-a-uuid"), InvocationColumns.FirstRepeatedRequestId([InvocationColumns.From([Records[1], Records[0], Records[1]])]));
    }

    [Fact]
    public void The_same_id_in_two_files_is_one_row_and_a_differently_written_id_is_another()
    {
        static string Line(string id, string duration) => $"REPORT RequestId: {id}\tDuration: {duration} ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 20 MB\t";
        var uuid = "5b2a2c1e-8f0a-4c55-9d21-0c8e8f6a1b2c";
        File.WriteAllLines(Path.Combine(directory, "a.log"), [Line(uuid, "1.50"), Line("PLAIN000-0000-4000-8000-000000000000", "2.00")]);
        File.WriteAllLines(Path.Combine(directory, "b.log"), [Line(uuid, "1.50"), Line("PLAIN000-0000-4000-8000-000000000000", "3.00"), Line(uuid.ToUpperInvariant(), "1.50")]);
        var ingestor = new LogIngestor(new IngestOptions { Configuration = "x" });
        ingestor.AddFiles([(Path.Combine(directory, "a.log"), null), (Path.Combine(directory, "b.log"), null)]);
        var result = ingestor.Complete();

        Assert.Equal([uuid, "PLAIN000-0000-4000-8000-000000000000", uuid.ToUpperInvariant()], result.Invocations.Select(i => i.RequestId));
        Assert.Equal(1, result.Summary.DuplicatesMerged);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(("PLAIN000-0000-4000-8000-000000000000", 2.0, 3.0, "line 2"), (conflict.RequestId, conflict.KeptDurationMs, conflict.IgnoredDurationMs, conflict.IgnoredWhere));
    }
}
