using Lambench.Analysis.Load;
using Lambench.Analysis.Tables;

namespace Lambench.Analysis.Tests.Load;

public sealed class LoadStepSummaryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-load-summary-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_load_step_counts_its_outcomes_and_its_throughput_and_latency_are_the_ones_worked_out_by_hand()
    {
        var path = Path.Combine(_directory, "requests.csv");
        File.WriteAllText(path, """
            configuration,label,round,sequence,intended_utc,outcome,client_latency_ms,service_time_ms,send_error_ms,request_id,batch_id,start_type,status,duration_ms,init_duration_ms,billed_duration_ms,platform_network_ms,to_start_ms,to_effect_ms
            go-x86_64-128mb,pay,1,0,2026-12-04T10:00:00.000000Z,ok,3010,3010,0,a,b0,cold,success,3000,8,3008,2,,
            go-x86_64-128mb,pay,1,1,2026-12-04T10:00:00.500000Z,ok,3004,3004,0,b,b1,warm,success,3000,,3000,4,,
            go-x86_64-128mb,pay,1,2,2026-12-04T10:00:01.000000Z,throttled,1.5,1.5,0,,b2,,,,,,,,
            go-x86_64-128mb,pay,1,3,2026-12-04T10:00:01.200000Z,throttled,1.2,1.2,0,,b3,,,,,,,,
            go-x86_64-128mb,pay,1,4,2026-12-04T10:00:02.000000Z,ok,3006,3005,1,c,b4,warm,success,3000,,3000,6,,
            go-x86_64-128mb,pay,1,5,2026-12-04T10:00:02.100000Z,error,10,10,0,,b5,,,,,,,,
            go-x86_64-128mb,pay,2,0,2026-12-04T10:01:00.000000Z,ok,20,20,0,d,b6,warm,success,10,,10,10,,

            """.Replace("            ", string.Empty, StringComparison.Ordinal));
        var loads = LoadStepSummary.Of(ClientRequestsFile.Read(path));

        Assert.Equal(2, loads.Count);
        var first = loads[0];
        Assert.Equal((1, 6, 3, 1, 2), (first.Round, first.Sent, first.Ok, first.Errors, first.Throttled));
        // By hand: the window runs from 10:00:00.000 to the last answer, 2.000 + 3.006 = 5.006 s: 3 / 5.006 answers a second.
        Assert.Equal(5.006, first.WindowS, 9);
        Assert.Equal(3 / 5.006, first.OkPerSecond!.Value, 12);
        Assert.Equal(2 / 6.0, first.ThrottledShare!.Value, 12);
        // The answered latencies 3004, 3006, 3010: median 3006; p95 needs 20 answers: none here, never a fake value.
        Assert.Equal((3006.0, (double?)null), (first.ClientLatencyMs.P50!.Value, first.ClientLatencyMs.P95));
        Assert.Equal(4.0, first.PlatformNetworkMs.P50);
        Assert.Equal(0, first.ToStartMs.N);
        Assert.Equal((2, 1, 0.02), (loads[1].Round, loads[1].Ok, loads[1].WindowS));

        // loads.csv's row, in the columns' order: units in the names, a missing statistic an empty cell.
        using var writer = new StringWriter();
        ColumnCsvWriter.Write(writer, LoadCsvColumns.All, loads);
        var lines = writer.ToString().Split('\n');
        Assert.Equal("configuration,label,round,n_sent,n_ok,n_error,n_throttled,window_s,ok_per_s,throttled_share,p50_client_latency_ms,median_client_latency_ci95_low_ms,median_client_latency_ci95_high_ms,p95_client_latency_ms,p99_client_latency_ms,max_client_latency_ms,p50_platform_network_ms,p50_to_start_ms", lines[0]);
        Assert.Equal("go-x86_64-128mb,pay,1,6,3,1,2,5.006,0.599,0.333333,3006,,,,,3010,4,", lines[1].TrimEnd('\r'));

        var table = new LoadTableBuilder(ReportLanguage.BrazilianPortuguese).Build(loads);
        Assert.Equal(["go-x86_64-128mb", "pay", "6", "3", "2", "0,60", "3.006,0", "–", "–", "–"], table.Rows[0]);
        Assert.Equal("pay r2", table.Rows[1][1]);
    }
}
