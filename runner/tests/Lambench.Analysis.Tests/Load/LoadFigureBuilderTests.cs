using System.Text.Json.Nodes;
using Lambench.Analysis.Load;

namespace Lambench.Analysis.Tests.Load;

public sealed class LoadFigureBuilderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-load-figures-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Six requests of one load, in requests.csv's own columns (as the runner writes them).</summary>
    private string RequestsCsv()
    {
        var path = Path.Combine(_directory, "requests.csv");
        File.WriteAllText(path, """
            configuration,label,round,sequence,intended_utc,outcome,client_latency_ms,service_time_ms,send_error_ms,request_id,batch_id,start_type,status,duration_ms,init_duration_ms,billed_duration_ms,platform_network_ms,to_start_ms
            go-x86_64-128mb,pay,1,0,2026-12-04T10:00:00.000000Z,ok,3010,3010,0,a,b0,cold,success,3000,8,3008,2,
            go-x86_64-128mb,pay,1,1,2026-12-04T10:00:00.500000Z,ok,3004,3004,0,b,b1,warm,success,3000,,3000,4,
            go-x86_64-128mb,pay,1,2,2026-12-04T10:00:01.000000Z,throttled,1.5,1.5,0,,b2,,,,,,,
            go-x86_64-128mb,pay,1,3,2026-12-04T10:00:01.200000Z,throttled,1.2,1.2,0,,b3,,,,,,,
            go-x86_64-128mb,pay,1,4,2026-12-04T10:00:02.000000Z,ok,3006,3005,1,c,b4,warm,success,3000,,3000,6,
            go-x86_64-128mb,pay,1,5,2026-12-04T10:00:02.100000Z,error,10,10,0,,b5,,,,,,,

            """.Replace("            ", string.Empty, StringComparison.Ordinal));
        return path;
    }

    private static JsonArray Traces(Lambench.Analysis.Figures.ReportFigure figure) => JsonNode.Parse(figure.FigureJson)!["data"]!.AsArray();

    private static double[] Numbers(JsonNode? values) => values!.AsArray().Select(v => v!.GetValue<double>()).ToArray();

    [Fact]
    public void Throughput_counts_answers_by_arrival_and_throttles_by_sending_and_the_breakdown_means_add_up()
    {
        var requests = ClientRequestsFile.Read(RequestsCsv());
        Assert.Equal([0, 0.5, 1, 1.2, 2, 2.1], requests.Select(r => Math.Round(r.IntendedS, 3)));
        var figures = new LoadFigureBuilder(ReportLanguage.English).Build(requests, boundPerSecond: 5 / 3.0);
        Assert.Equal(["load-throughput", "load-latency", "load-breakdown"], figures.Select(f => f.Id)); // no window has 20 answers

        // By hand: answers arrive at 3.01, 3.504 and 5.006 s (seconds 3, 3 and 5); throttles were sent in second 1.
        var throughput = Traces(figures[0]);
        Assert.Equal([0, 0, 0, 2, 0, 1], Numbers(throughput[0]!["y"]));
        Assert.Equal([0, 2, 0, 0, 0, 0], Numbers(throughput[1]!["y"]));
        Assert.Equal([5 / 3.0, 5 / 3.0], Numbers(throughput[2]!["y"]));

        // Means over the three answers joined with REPORT lines: Duration 3000, Init (8 + 0 + 0) / 3, rest (2 + 4 + 6) / 3 = 4;
        // they add up to the mean client latency (3010 + 3004 + 3006) / 3 = 3006.67.
        var parts = Traces(figures[2]).Select(t => Numbers(t!["y"])[0]).ToArray();
        Assert.Equal([3000, 8 / 3.0, 4], parts);
        Assert.Equal((3010 + 3004 + 3006) / 3.0, parts.Sum(), 9);
    }

    [Fact]
    public void Latency_against_offered_load_takes_each_windows_requests_per_second_and_its_percentiles()
    {
        // By hand: 40 requests in the first 5 s (8/s offered) answered in 10 ms, 120 in the next 5 s (24/s) in 50 ms.
        var requests = Enumerable.Range(0, 40).Select(i => Request(i * 0.125, 10))
            .Concat(Enumerable.Range(0, 120).Select(i => Request(5 + (i / 24.0), 50))).ToList();
        var figure = new LoadFigureBuilder(ReportLanguage.English).Build(requests).Single(f => f.Id == "load-percentiles-vs-offered");
        var p50 = Traces(figure)[0]!;
        Assert.Equal([8, 24], Numbers(p50["x"]));
        Assert.Equal([10, 50], Numbers(p50["y"]));
    }

    private static ClientRequest Request(double intendedS, double latencyMs) =>
        new("go", "noop", 1, DateTimeOffset.UnixEpoch.AddSeconds(intendedS), ClientRequest.Ok, latencyMs, latencyMs, 1, null, latencyMs - 1, null) { IntendedS = intendedS };

    [Fact]
    public void A_file_that_is_not_a_requests_csv_says_which_columns_are_missing()
    {
        var path = Path.Combine(_directory, "requests.csv");
        File.WriteAllText(path, "configuration,label\nx,y\n");
        var error = Assert.Throws<InvalidDataException>(() => ClientRequestsFile.Read(path));
        Assert.StartsWith($"{path}: line 1: not a requests.csv: missing column(s) round, intended_utc", error.Message);
        File.WriteAllText(path, RequestsCsvHeader() + "go,pay,1,0,2026-12-04T10:00:00Z,ok,x,1,0,a,b,warm,success,1,,1,0,\n");
        Assert.StartsWith($"{path}: line 2:", Assert.Throws<InvalidDataException>(() => ClientRequestsFile.Read(path)).Message);
    }

    [Fact]
    public void A_queued_loads_depth_is_read_beside_its_requests_and_drawn_waiting_and_in_flight()
    {
        var requests = RequestsCsv();
        Directory.CreateDirectory(Path.Combine(_directory, "loads"));
        File.WriteAllText(Path.Combine(_directory, "loads", "run-00002-1.queue.csv"), "elapsed_s,visible_messages,in_flight_messages\n0,0,0\n1,12,5\n2.5,3,5\n3.5,0,0\n");
        var queue = Assert.Single(QueueDepthFile.Beside(requests));
        Assert.Equal("run-00002-1", queue.Key);
        var samples = QueueDepthFile.Read(queue.Value);
        var figure = new LoadFigureBuilder(ReportLanguage.English).QueueDepth([("go pay", samples)])!;
        Assert.Equal([0, 12, 3, 0], Numbers(Traces(figure)[0]!["y"]));
        Assert.Equal([0, 5, 5, 0], Numbers(Traces(figure)[1]!["y"]));
        Assert.Equal([0, 1, 2.5, 3.5], Numbers(Traces(figure)[0]!["x"]));

        File.AppendAllText(queue.Value, "4,x,0\n");
        Assert.StartsWith($"{queue.Value}: line 6:", Assert.Throws<InvalidDataException>(() => QueueDepthFile.Read(queue.Value)).Message);
    }

    private static string RequestsCsvHeader() =>
        "configuration,label,round,sequence,intended_utc,outcome,client_latency_ms,service_time_ms,send_error_ms,request_id,batch_id,start_type,status,duration_ms,init_duration_ms,billed_duration_ms,platform_network_ms,to_start_ms\n";
}
