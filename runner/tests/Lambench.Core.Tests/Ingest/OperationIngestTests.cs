using Lambench.Core.Csv;
using Lambench.Core.Ingest;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// The writers' embedded metric lines become operations, one per BatchWriteItem, joined with their invocations by
/// request id. The expected numbers are transcribed by hand from Fixtures/emf/writer-invocations.log.
/// </summary>
public sealed class OperationIngestTests
{
    private const string Go = "cd6ee3cc-3e9c-47e3-9fc8-06986ae7a4ed";
    private const string Python = "da6979d6-9d80-4e18-83d5-2581d5856d40";

    private static IngestResult Ingest(params string[] paths)
    {
        var ingestor = new LogIngestor(new IngestOptions { Configuration = "writer" });
        foreach (var path in paths)
        {
            ingestor.AddFile(path);
        }

        return ingestor.Complete();
    }

    [Fact]
    public void Each_operation_line_is_one_operation_with_the_values_the_function_logged()
    {
        var result = Ingest(Fixture.Path("emf/writer-invocations.log"));
        Assert.Equal(2, result.Invocations.Count);
        Assert.Equal((10L, 0L, 8L), (result.Summary.MetricLines, result.Summary.InvalidMetricLines, result.Summary.Operations));
        var go = result.Operations.Where(o => o.RequestId == Go).ToList();
        Assert.Equal([21.877, 6.846, 7.338, 5.386], go.Select(o => o.LatencyMs));
        Assert.Equal([11.374, 12.642, 9.445, 9.839], result.Operations.Where(o => o.RequestId == Python).Select(o => o.LatencyMs));
        // Go and Python count the same bytes for the same items: 25 items, the first with ten one-digit indexes.
        Assert.All(result.Operations, o => Assert.Equal(o.Sequence == 0 ? 28090 : 28100, o.Bytes));
        Assert.All(result.Operations, o => Assert.Equal(("BatchWriteItem", 25L, 1, 0, "1KBx100", "writer"), (o.Operation, o.Items, o.Attempts, o.Throttles, o.Label, o.Configuration)));
        Assert.Equal([0, 1, 2, 3], go.Select(o => o.Sequence));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1796412301184), result.Operations.First(o => o.RequestId == Python).TimestampUtc);
        // The HandlerTime lines (43.067 and 126.259 ms) hold the operations: 41.447 and 43.300 ms.
        Assert.True(go.Sum(o => o.LatencyMs) <= 43.067);
        Assert.Contains("10 embedded metric lines (0 invalid), 8 DynamoDB operations", result.Summary.ToOneLine());
    }

    [Fact]
    public void An_operation_read_twice_from_overlapping_files_is_kept_once_and_an_invalid_emf_line_is_counted()
    {
        var invalid = Path.Combine(Directory.CreateTempSubdirectory("lambench-emf-").FullName, "invalid.log");
        File.WriteAllText(invalid, """{"_aws": {"Timestamp": 1, "CloudWatchMetrics": [{"Namespace": "Lambench", "Dimensions": [["FunctionName"]], "Metrics": [{"Name": "HandlerTime"}]}]}, "HandlerTime": 3}""" + "\n");
        var result = Ingest(Fixture.Path("emf/writer-invocations.log"), Fixture.Path("emf/writer-invocations.log"), invalid);
        Assert.Equal((21L, 1L, 8L), (result.Summary.MetricLines, result.Summary.InvalidMetricLines, result.Summary.Operations));
        Assert.Equal(8, result.Operations.Count);
        Directory.Delete(Path.GetDirectoryName(invalid)!, recursive: true);
    }

    [Fact]
    public void Operations_join_their_invocations_and_take_their_batch_and_label()
    {
        var result = Ingest(Fixture.Path("emf/writer-invocations.log"));
        var measured = result.Invocations.Where(i => i.RequestId == Python).Select(i => i with { Configuration = "python-x86_64-512mb", Label = "renamed" }).ToList();
        var joined = OperationCsvFile.JoinedWith(result.Operations, measured);
        Assert.Equal(4, joined.Count);
        Assert.All(joined, o => Assert.Equal((Python, "python-x86_64-512mb", "renamed"), (o.RequestId, o.Configuration, o.Label)));
    }

    [Fact]
    public void Operations_csv_round_trips_in_invariant_culture_with_units_in_the_header()
    {
        var folder = Directory.CreateTempSubdirectory("lambench-ops-").FullName;
        var path = OperationCsvFile.PathBeside(Path.Combine(folder, "invocations.csv"));
        Assert.Equal(Path.Combine(folder, "operations.csv"), path);
        Assert.Equal(Path.Combine(folder, "tcc.operations.csv"), OperationCsvFile.PathBeside(Path.Combine(folder, "tcc.csv")));
        var operations = Ingest(Fixture.Path("emf/writer-invocations.log")).Operations;
        var previous = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("pt-BR");
        try
        {
            OperationCsvFile.Write(path, operations);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }

        var text = File.ReadAllLines(path);
        Assert.Equal("configuration,request_id,operation,sequence,timestamp_utc,latency_ms,items,size_bytes,attempts,throttles,batch_id,label,offset_ms", text[0]);
        Assert.Contains(",21.877,25,28090,1,0,", text[1]);
        Assert.Equal(operations, OperationCsvFile.Read(path));

        OperationCsvFile.WriteOrRemove(path, []);
        Assert.False(File.Exists(path));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Waiting_time_counts_overlapping_operations_once_and_sums_operations_without_offsets()
    {
        static OperationRecord Op(double? offset, double latency) => new()
        {
            Configuration = "c", RequestId = "r", Operation = "GetItem", Sequence = 0, LatencyMs = latency, Items = 1, Bytes = 1, Attempts = 1, Throttles = 0, OffsetMs = offset,
        };

        // By hand: [0, 10] and [5, 12] overlap into [0, 12]; [12, 13] touches it; [20, 21] stands apart: 12 + 1 + 1 = 14.
        Assert.Equal(14.0, OperationRecord.WaitingMs([Op(5, 7), Op(0, 10), Op(20, 1), Op(12, 1)]), 12);
        // A contained interval adds nothing.
        Assert.Equal(10.0, OperationRecord.WaitingMs([Op(0, 10), Op(2, 3)]), 12);
        // The writer's logs from before offsets were logged: one after another, so the sum.
        Assert.Equal(17.0, OperationRecord.WaitingMs([Op(null, 10), Op(0, 7)]), 12);
    }

    [Fact]
    public void A_file_that_is_not_an_operations_file_is_refused_with_its_line()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("lambench-ops-").FullName, "operations.csv");
        File.WriteAllText(path, string.Join(",", OperationCsvFile.Header) + "\nc,r,BatchWriteItem,x,2026-01-01T00:00:00Z,1,1,1,1,0,,,\n");
        var error = Assert.Throws<FormatException>(() => OperationCsvFile.Read(path));
        Assert.StartsWith($"{path}:2:", error.Message);
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
