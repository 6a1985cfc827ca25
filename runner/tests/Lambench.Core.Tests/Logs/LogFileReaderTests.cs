using Lambench.Core.Ingest;
using Lambench.Core.Logs;
using Lambench.Core.Records;

namespace Lambench.Core.Tests.Logs;

public class LogFileReaderTests
{
    private static IngestResult Ingest(params string[] fixtures)
    {
        var ingestor = new LogIngestor(new IngestOptions());
        foreach (var fixture in fixtures)
        {
            ingestor.AddFile(Fixture.Path(fixture));
        }

        return ingestor.Complete();
    }

    [Fact]
    public void Reads_every_report_variant_in_one_raw_log()
    {
        var result = Ingest("report-variants.log");
        Assert.Equal(6, result.Invocations.Count);
        Assert.Equal(1, result.Summary.InitReports);
        Assert.Equal(2, result.Summary.SkippedLines); // the INIT_REPORT and XRAY lines
        var byId = result.Invocations.ToDictionary(i => i.RequestId[^1..]);
        Assert.Equal((StartType.Warm, StartType.Cold, StartType.Cold), (byId["1"].StartType, byId["2"].StartType, byId["3"].StartType));
        Assert.Equal(("timeout", "error", "Runtime.ImportModuleError"), (byId["4"].Status, byId["5"].Status, byId["5"].ErrorType));
        Assert.Equal(100.0, byId["6"].InitDurationMs);
    }

    [Fact]
    public void Reads_aws_logs_tail_output_with_timestamps_streams_and_tags()
    {
        var result = Ingest("raw-cli-tail.log");
        Assert.Equal(2, result.Invocations.Count);
        var first = result.Invocations[0];
        Assert.Equal(("raw-cli-tail", 1093.52, 412.07), (first.Configuration, first.DurationMs, first.InitDurationMs!.Value));
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 1, 200, TimeSpan.Zero), first.TimestampUtc);
        Assert.Equal(("py-small-1KBx100", "SMALL_1KBx100", 3), (first.BatchId, first.Label, first.Repetition!.Value));
        Assert.Null(result.Invocations[1].BatchId);
        Assert.Equal(1, result.Summary.Tags);
    }

    [Fact]
    public void Reads_gzip_exactly_as_the_plain_file()
    {
        var plain = Ingest("raw-cli-tail.log").Invocations;
        var gzip = Ingest("raw-cli-tail.log.gz").Invocations;
        Assert.Equal(plain.Select(p => p with { Configuration = "" }), gzip.Select(g => g with { Configuration = "" }));
        Assert.Equal("raw-cli-tail", gzip[0].Configuration);
    }

    [Fact]
    public void Reads_crlf_and_a_byte_order_mark()
    {
        var row = Assert.Single(Ingest("crlf-bom.log").Invocations);
        Assert.Equal(("33333333-0000-0000-0000-000000000001", 5.0, 50.0), (row.RequestId, row.DurationMs, row.MaxMemoryUsedMb!.Value));
    }

    [Fact]
    public void Reads_the_json_log_format()
    {
        var result = Ingest("json-log-format.log");
        Assert.Equal(3, result.Invocations.Count);
        Assert.Equal(1, result.Summary.InitReports);
        var first = result.Invocations[0];
        Assert.Equal((1.317, 2.0, 1024, 10.5, "go-large-64KBx100"), (first.DurationMs, first.BilledDurationMs!.Value, first.MemorySizeMb!.Value, first.InitDurationMs!.Value, first.BatchId));
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 1, 317, TimeSpan.Zero), first.TimestampUtc);
        Assert.Equal(StartType.Cold, result.Invocations[2].StartType); // a Restore Duration makes it cold
    }

    [Fact]
    public void Reads_a_logs_insights_export_and_takes_the_configuration_from_the_log_group()
    {
        var result = Ingest("insights-export.csv");
        Assert.Equal(2, result.Invocations.Count);
        Assert.All(result.Invocations, i => Assert.Equal(("/aws/lambda/tcc-python", "tcc-python"), (i.Configuration, i.FunctionName)));
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 1, 200, TimeSpan.Zero), result.Invocations[0].TimestampUtc);
        Assert.Equal((100.25, 200.5), (result.Invocations[0].DurationMs, result.Invocations[0].InitDurationMs!.Value));
    }

    [Fact]
    public void Reads_an_insights_export_of_parsed_fields_with_memory_in_bytes()
    {
        var result = Ingest("insights-parsed-fields.csv");
        Assert.Equal(2, result.Invocations.Count);
        Assert.Equal((512, 70.0, 200.5), (result.Invocations[0].MemorySizeMb!.Value, result.Invocations[0].MaxMemoryUsedMb!.Value, result.Invocations[0].InitDurationMs!.Value));
        Assert.Null(result.Invocations[1].InitDurationMs);
    }

    [Theory]
    [InlineData("filter-log-events.json", 12.34, null)]
    [InlineData("get-log-events.json", 9.99, 150.0)]
    [InlineData("events-array.json", 9.99, 150.0)]
    public void Reads_the_json_the_aws_cli_prints(string fixture, double duration, double? init)
    {
        var row = Assert.Single(Ingest(fixture).Invocations);
        Assert.Equal((duration, init), (row.DurationMs, row.InitDurationMs));
        Assert.NotNull(row.TimestampUtc);
    }

    [Theory]
    [InlineData("not-a-log.txt", "line 1", "no Lambda log lines found")]
    [InlineData("malformed-report.log", "line 3", "has no Duration")]
    [InlineData("bad-number.log", "line 1", "cannot read")]
    [InlineData("no-events.json", "line 1", "\"events\"")]
    [InlineData("insights-without-message.csv", "line 1", "@message")]
    [InlineData("binary.bin", "line 1", "binary data")]
    [InlineData("does-not-exist.log", "file", "no such file")]
    public void Names_the_file_and_line_it_cannot_read(string fixture, string where, string reason)
    {
        // Strict: an unreadable REPORT line is an error too (by default it is rejected and counted, see below).
        var ingestor = new LogIngestor(new IngestOptions { Strict = true });
        var error = Assert.Throws<LogFormatException>(() => ingestor.AddFile(Fixture.Path(fixture)));
        Assert.Equal((Fixture.Path(fixture), where), (error.Path, error.Where));
        Assert.Contains(reason, error.Reason);
        Assert.StartsWith(Fixture.Path(fixture) + ": " + where + ": ", error.Message);
        Assert.Empty(ingestor.Complete().Invocations);
    }

    [Theory]
    [InlineData("malformed-report.log", "line 3", "has no Duration")]
    [InlineData("bad-number.log", "line 1", "cannot read")]
    public void An_unreadable_report_line_is_rejected_with_file_line_and_reason_and_the_rest_is_kept(string fixture, string where, string reason)
    {
        var ingestor = new LogIngestor(new IngestOptions());
        ingestor.AddFile(Fixture.Path("report-variants.log"));
        ingestor.AddFile(Fixture.Path(fixture));
        var result = ingestor.Complete();
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal((Fixture.Path(fixture), where), (rejected.Path, rejected.Where));
        Assert.Contains(reason, rejected.Reason);
        Assert.StartsWith("REPORT RequestId:", rejected.Text);
        Assert.Equal(1, result.Summary.RejectedLines);
        Assert.NotEmpty(result.Invocations);
    }

    [Fact]
    public void A_failed_file_leaves_nothing_of_itself_behind()
    {
        var ingestor = new LogIngestor(new IngestOptions { Strict = true });
        ingestor.AddFile(Fixture.Path("report-variants.log"));
        var before = ingestor.Complete();
        Assert.Throws<LogFormatException>(() => ingestor.AddFile(Fixture.Path("malformed-report.log")));
        Assert.Equal(before.Invocations, ingestor.Complete().Invocations);
        Assert.Equal(before.Summary.ReportLines, ingestor.Complete().Summary.ReportLines);
    }

    [Theory]
    [InlineData("{", LogFormat.CloudWatchEventsJson)]
    [InlineData("[{\"timestamp\":1}]", LogFormat.CloudWatchEventsJson)]
    [InlineData("{\"events\": [", LogFormat.CloudWatchEventsJson)]
    [InlineData("{\"time\":\"t\",\"type\":\"platform.report\"}", LogFormat.RawText)]
    [InlineData("\"@timestamp\",\"@message\"", LogFormat.InsightsCsv)]
    [InlineData("REPORT RequestId: x", LogFormat.RawText)]
    public void Detects_the_format_from_the_first_line(string line, LogFormat format) => Assert.Equal(format, LogFileReader.Detect(line));
}
