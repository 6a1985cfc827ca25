using Lambench.Core.Parsing;

namespace Lambench.Core.Tests.Parsing;

public class ReportLineParserTests
{
    private static ReportLine Report(string line)
    {
        var parsed = LogMessageParser.Parse(line);
        Assert.Equal(LogMessageKind.Report, parsed.Kind);
        return parsed.Report;
    }

    [Fact]
    public void Reads_the_plain_text_report_line()
    {
        var r = Report("REPORT RequestId: 3f1a0000-0000-4000-8000-000000000001\tDuration: 8.40 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 66 MB\t");
        Assert.Equal(("3f1a0000-0000-4000-8000-000000000001", 8.40, 9.0, 128, 66.0), (r.RequestId, r.Metrics.DurationMs, r.Metrics.BilledDurationMs, r.Metrics.MemorySizeMb, r.Metrics.MaxMemoryUsedMb));
        Assert.Null(r.Metrics.InitDurationMs);
        Assert.Null(r.Metrics.RestoreDurationMs);
        Assert.Equal("success", r.Metrics.Status);
        Assert.Null(r.Metrics.ErrorType);
    }

    [Fact]
    public void Reads_init_duration_of_a_cold_start()
    {
        var r = Report("REPORT RequestId: aaaaaaaa-0000-4000-8000-000000000000\tDuration: 1.23 ms\tBilled Duration: 132 ms\tMemory Size: 128 MB\tMax Memory Used: 67 MB\tInit Duration: 130.49 ms\t");
        Assert.Equal(130.49, r.Metrics.InitDurationMs);
    }

    [Fact]
    public void Reads_snapstart_restore_fields()
    {
        var r = Report("REPORT RequestId: aaaaaaaa-0000-4000-8000-000000000000\tDuration: 12.65 ms\tBilled Duration: 13 ms\tMemory Size: 1024 MB\tMax Memory Used: 90 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 75 ms\t");
        Assert.Equal((474.16, 75.0), (r.Metrics.RestoreDurationMs!.Value, r.Metrics.BilledRestoreDurationMs!.Value));
        Assert.Null(r.Metrics.InitDurationMs);
    }

    [Theory]
    [InlineData("Status: timeout", "timeout", null)]
    [InlineData("Status: error\tError Type: Runtime.ImportModuleError", "error", "Runtime.ImportModuleError")]
    public void Reads_status_and_error_type(string tail, string status, string? errorType)
    {
        var r = Report("REPORT RequestId: aaaaaaaa-0000-4000-8000-000000000000\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 40 MB\t" + tail);
        Assert.Equal((status, errorType), (r.Metrics.Status, r.Metrics.ErrorType));
    }

    [Fact]
    public void Reads_a_console_copy_whose_tabs_became_spaces()
    {
        var r = Report("REPORT RequestId: a1000000-0000-4000-8000-000000000002 Duration: 2.50 ms Billed Duration: 3 ms Memory Size: 512 MB Max Memory Used: 20 MB Init Duration: 100.00 ms");
        Assert.Equal(("a1000000-0000-4000-8000-000000000002", 2.5, 3.0, 512, 20.0, 100.0), (r.RequestId, r.Metrics.DurationMs, r.Metrics.BilledDurationMs!.Value, r.Metrics.MemorySizeMb!.Value, r.Metrics.MaxMemoryUsedMb!.Value, r.Metrics.InitDurationMs!.Value));
    }

    [Fact]
    public void Reads_init_report_lines_which_have_no_request_id()
    {
        var parsed = LogMessageParser.Parse("INIT_REPORT Init Duration: 87.28 ms\tPhase: invoke\tStatus: error\tError Type: Runtime.ImportModuleError");
        Assert.Equal(LogMessageKind.InitReport, parsed.Kind);
        Assert.Equal(new InitReportLine(87.28, "invoke", "error", "Runtime.ImportModuleError"), parsed.InitReport);
    }

    [Theory]
    [InlineData("XRAY TraceId: 1-5e1b4151-5ac6c58f3375aa3c7c6b73c9\tSegmentId: 6e9d3e2c4a1b2f8e\tSampled: true")]
    [InlineData("START RequestId: a Version: $LATEST")]
    [InlineData("END RequestId: a")]
    [InlineData("INIT_START Runtime Version: python:3.12.v25")]
    public void Recognises_other_platform_lines(string line) => Assert.Equal(LogMessageKind.Platform, LogMessageParser.Parse(line).Kind);

    [Theory]
    [InlineData("REPORT RequestId: aaaaaaaa-0000-4000-8000-000000000000\tBilled Duration: 9 ms\tMemory Size: 128 MB", "has no Duration")]
    [InlineData("REPORT RequestId: aaaaaaaa-0000-4000-8000-000000000000\tDuration: 8,40 ms\tBilled Duration: 9 ms", "cannot read")]
    [InlineData("REPORT RequestId: \t", "no RequestId")]
    public void Refuses_a_report_line_it_cannot_read(string line, string reason)
    {
        var error = Assert.Throws<LogMessageFormatException>(() => LogMessageParser.Parse(line));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void Reads_the_json_log_format_with_float_values_and_absent_optional_fields()
    {
        var parsed = LogMessageParser.Parse("""{"time":"2024-06-01T12:00:02.000Z","type":"platform.report","record":{"requestId":"0f000000-0000-4000-8000-0000000000a2","status":"timeout","metrics":{"durationMs":3000.0,"billedDurationMs":3000,"memorySizeMB":1024,"maxMemoryUsedMB":70.5}}}""");
        Assert.Equal(LogMessageKind.Report, parsed.Kind);
        var r = parsed.Report;
        Assert.Equal(("0f000000-0000-4000-8000-0000000000a2", 3000.0, 3000.0, 1024, 70.5, "timeout"), (r.RequestId, r.Metrics.DurationMs, r.Metrics.BilledDurationMs!.Value, r.Metrics.MemorySizeMb!.Value, r.Metrics.MaxMemoryUsedMb!.Value, r.Metrics.Status));
        Assert.Null(r.Metrics.InitDurationMs);
        Assert.Equal(new DateTimeOffset(2024, 6, 1, 12, 0, 2, TimeSpan.Zero), parsed.Timestamp);
    }

    [Fact]
    public void Reads_json_init_and_restore_metrics_and_errors()
    {
        var r = LogMessageParser.Parse("""{"time":"2024-06-01T12:00:04.000Z","type":"platform.report","record":{"requestId":"0f000000-0000-4000-8000-0000000000a3","status":"error","errorType":"Runtime.Unknown","metrics":{"durationMs":20,"billedDurationMs":20,"memorySizeMB":1024,"maxMemoryUsedMB":60,"initDurationMs":10.5,"restoreDurationMs":300.5,"billedRestoreDurationMs":120}}}""").Report;
        Assert.Equal((10.5, 300.5, 120.0, "error", "Runtime.Unknown"), (r.Metrics.InitDurationMs!.Value, r.Metrics.RestoreDurationMs!.Value, r.Metrics.BilledRestoreDurationMs!.Value, r.Metrics.Status, r.Metrics.ErrorType));
    }

    [Fact]
    public void Refuses_a_json_report_without_duration()
    {
        var error = Assert.Throws<LogMessageFormatException>(() => LogMessageParser.Parse("""{"type":"platform.report","record":{"requestId":"0f000000-0000-4000-8000-0000000000c1","metrics":{"billedDurationMs":2}}}"""));
        Assert.Contains("durationMs", error.Message);
    }

    [Fact]
    public void Reads_tags_from_text_and_json_application_lines()
    {
        var text = LogMessageParser.Parse("[INFO]\t2024-06-01T12:00:00.105Z\tr1\t{\"request_id\": \"r1\", \"batch_id\": \"b\", \"label\": \"SMALL\", \"repetition\": 3}");
        Assert.Equal(new InvocationTag("r1", "b", "SMALL", 3), text.Tag);
        var json = LogMessageParser.Parse("""{"timestamp":"t","level":"INFO","requestId":"0f000000-0000-4000-8000-0000000000b2","message":{"batch_id":"g","label":"LARGE"}}""");
        Assert.Equal(new InvocationTag("0f000000-0000-4000-8000-0000000000b2", "g", "LARGE", null), json.Tag);
        // The round of a replicated run, as the Python function prints it (json.dumps) and the Go one (a JSON number).
        var round = LogMessageParser.Parse("{\"request_id\": \"r3\", \"batch_id\": \"b\", \"label\": \"SMALL\", \"repetition\": 1, \"round\": 2}");
        Assert.Equal(new InvocationTag("r3", "b", "SMALL", 1, 2), round.Tag);
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("{not json at all")]
    [InlineData("{\"level\":\"INFO\",\"message\":\"no batch here\"}")]
    public void Leaves_other_lines_alone(string line) => Assert.Equal(LogMessageKind.Other, LogMessageParser.Parse(line).Kind);
}
