using Lambench.Analysis.Operations;
using Lambench.Analysis.Tables;
using Lambench.Core.Records;

namespace Lambench.Analysis.Tests.Operations;

/// <summary>Operation statistics, table and figures, each number worked out by hand from the five operations below.</summary>
public sealed class OperationSummaryTests
{
    private static OperationRecord Op(string request, int sequence, double latency, long items = 25, int attempts = 1, int throttles = 0, string label = "1KBx100") => new()
    {
        Configuration = "go-x86_64-512mb", RequestId = request, Operation = "BatchWriteItem", Sequence = sequence, LatencyMs = latency,
        Items = items, Bytes = items * 1000, Attempts = attempts, Throttles = throttles, Label = label,
    };

    private static InvocationRecord Invocation(string request, double duration) => new() { Configuration = "go-x86_64-512mb", RequestId = request, DurationMs = duration };

    private static readonly OperationRecord[] Operations = [Op("a", 0, 10), Op("a", 1, 20, attempts: 3, throttles: 2), Op("b", 0, 5), Op("b", 1, 25, items: 10), Op("c", 0, 40, label: "64KBx16")];
    private static readonly InvocationRecord[] Invocations = [Invocation("a", 40), Invocation("b", 60), Invocation("c", 50)];

    [Fact]
    public void A_batch_operations_give_the_statistics_worked_out_by_hand()
    {
        var summaries = OperationSummary.Of(Operations, Invocations);
        Assert.Equal(["1KBx100", "64KBx16"], summaries.Select(s => s.Label));
        var s = summaries[0];
        Assert.Equal((4, 2, 85L, 60.0, 6, 2, 1), (s.Operations, s.Invocations, s.Items, s.LatencySumMs, s.Attempts, s.Throttles, s.ThrottledOperations));
        // Latencies 5, 10, 20, 25: median (10 + 20) / 2 = 15; mean 15; p95 needs 20 operations: null, never a fake value.
        Assert.Equal((15.0, 15.0, (double?)null), (s.LatencyMs.P50!.Value, s.LatencyMs.Mean!.Value, s.LatencyMs.P95));
        // 85 items in 60 ms of operations: 1,416.67 items a second; 6 requests for 4 operations; 1 of 4 throttled.
        Assert.Equal(85 / 0.060, s.ItemsPerSecond!.Value, 9);
        Assert.Equal((1.5, 0.25), (s.AttemptsPerOperation!.Value, s.ThrottledShare!.Value));
        // 60 ms of operations in invocations a and b, whose Durations add to 100 ms.
        Assert.Equal(0.6, s.ShareOfDuration!.Value, 12);
        Assert.Equal(0.8, summaries[1].ShareOfDuration!.Value, 12);
    }

    [Fact]
    public void Parallel_operations_share_duration_by_the_time_they_kept_the_invocation_waiting()
    {
        // Two GetItems of 8 ms, started at 1 and 3 ms in a 20 ms invocation: waiting [1, 11], 10 ms, half of Duration.
        OperationRecord[] reads = [Op("p", 0, 8) with { OffsetMs = 1, Operation = "GetItem" }, Op("p", 1, 8) with { OffsetMs = 3, Operation = "GetItem" }];
        var s = Assert.Single(OperationSummary.Of(reads, [Invocation("p", 20)]));
        Assert.Equal((16.0, 10.0, 0.5), (s.LatencySumMs, s.WaitingSumMs, s.ShareOfDuration!.Value));
    }

    [Fact]
    public void The_sample_reads_give_what_numpy_gives()
    {
        // Expected values computed independently with Debian's numpy 1.24.2 from data/sample-dynamodb/dynamo-reads:
        // np.percentile (linear) of latency_ms per configuration and label; the waiting time is the union of each
        // invocation's [offset_ms, offset_ms + latency_ms] intervals, over the sum of the invocations' duration_ms.
        var folder = Path.Combine(Lambench.Tests.Shared.RepositoryPaths.Root(), "data", "sample-dynamodb", "dynamo-reads");
        var summaries = OperationSummary.Of(Lambench.Core.Csv.OperationCsvFile.Read(Path.Combine(folder, "operations.csv")),
            Lambench.Core.Csv.InvocationCsvReader.ReadFile(Path.Combine(folder, "invocations.csv"))).ToDictionary(s => (s.Configuration, s.Label));
        var pool2 = summaries[("go-x86_64-512mb", "parallel10-pool2")];
        Assert.Equal(500, pool2.Operations);
        Assert.Equal(4.471500000000001, pool2.LatencyMs.P50!.Value, 9);
        Assert.Equal(12.138299999999994, pool2.LatencyMs.P95!.Value, 9);
        Assert.Equal(16.656859999999998, pool2.LatencyMs.P99!.Value, 9);
        Assert.Equal((2868.501, 315.0), (pool2.LatencySumMs, pool2.WaitingSumMs), new ToleranceComparer(1e-9));
        Assert.Equal(0.8860261026102618, pool2.ShareOfDuration!.Value, 12);
        var serial = summaries[("python-x86_64-512mb", "serial-reuse")];
        Assert.Equal((1.1855, 2.0263499999999994, 4.02743), (serial.LatencyMs.P50!.Value, serial.LatencyMs.P95!.Value, serial.LatencyMs.P99!.Value), new ToleranceComparer(1e-9));
        // One read after another: the waiting time is the sum of the latencies.
        Assert.Equal(672.307, serial.WaitingSumMs, 9);
        Assert.Equal(0.8978698683191324, serial.ShareOfDuration!.Value, 12);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<(double, double)>, IEqualityComparer<(double, double, double)>
    {
        public bool Equals((double, double) x, (double, double) y) => Math.Abs(x.Item1 - y.Item1) <= tolerance && Math.Abs(x.Item2 - y.Item2) <= tolerance;

        public bool Equals((double, double, double) x, (double, double, double) y) => Equals((x.Item1, x.Item2), (y.Item1, y.Item2)) && Math.Abs(x.Item3 - y.Item3) <= tolerance;

        public int GetHashCode((double, double) obj) => 0;

        public int GetHashCode((double, double, double) obj) => 0;
    }

    [Fact]
    public void Without_its_invocation_an_operation_has_no_share_of_duration()
    {
        var s = Assert.Single(OperationSummary.Of([Op("x", 0, 10)], Invocations));
        Assert.Null(s.ShareOfDuration);
    }

    [Fact]
    public void The_csv_row_and_the_portuguese_table_carry_those_numbers()
    {
        var summaries = OperationSummary.Of(Operations, Invocations);
        using var writer = new StringWriter();
        ColumnCsvWriter.Write(writer, OperationCsvColumns.All, summaries);
        var lines = writer.ToString().Split('\n');
        Assert.Equal("configuration,label,operation,n_operations,n_invocations,items,size_bytes,p50_latency_ms,median_latency_ci95_low_ms,median_latency_ci95_high_ms,p95_latency_ms,p99_latency_ms,max_latency_ms,mean_latency_ms,items_per_s_of_operation_time,attempts_per_operation,n_throttles,throttled_operation_share,waiting_ms,share_of_duration", lines[0]);
        Assert.Equal("go-x86_64-512mb,1KBx100,BatchWriteItem,4,2,85,85000,15,,,,,25,15,1416.667,1.5,2,0.25,60,0.6", lines[1].TrimEnd('\r'));
        var table = new OperationTableBuilder(ReportLanguage.BrazilianPortuguese).Build(summaries);
        Assert.Equal(["go-x86_64-512mb", "1KBx100", "BatchWriteItem", "4", "15,0", "–", "–", "–", "1.417", "25,0 %", "60,0 %"], table.Rows[0]);
    }

    [Fact]
    public void The_breakdown_splits_the_mean_duration_into_operations_and_the_rest()
    {
        var figures = new OperationFigureBuilder(ReportLanguage.English).Build(Operations, Invocations);
        Assert.Equal(["operation-latency", "operation-breakdown"], figures.Select(f => f.Id));
        var data = System.Text.Json.JsonDocument.Parse(figures[1].FigureJson).RootElement.GetProperty("data");
        // 1KBx100: operations 30 ms (a) and 30 ms (b), mean 30; the rest 10 and 30, mean 20. 64KBx16: 40 and 10.
        Assert.Equal([30.0, 40.0], data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([20.0, 10.0], data[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
    }
}
