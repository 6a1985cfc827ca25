using System.Text.Json;
using Lambench.Core.Logs;
using Lambench.Core.Records;

namespace Lambench.Core.Parsing;

/// <summary>
/// Reads Lambda's JSON log format: <c>{"time":…,"type":"platform.report","record":{"requestId":…,"status":…,"metrics":{…}}}</c>
/// and <c>platform.initReport</c>. Optional metrics are absent, never zero; values may be floats.
/// </summary>
public static class PlatformJsonParser
{
    public static ParsedLogMessage Parse(JsonElement root)
    {
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var time = ReadTime(root);
        switch (type)
        {
            case "platform.report":
                return new ParsedLogMessage(LogMessageKind.Report, Report: ReadReport(Record(root, type)), Timestamp: time);
            case "platform.initReport":
                return new ParsedLogMessage(LogMessageKind.InitReport, InitReport: ReadInitReport(Record(root, type)), Timestamp: time);
            case not null when type.StartsWith("platform.", StringComparison.Ordinal):
                return ParsedLogMessage.Platform;
            default:
                return ParsedLogMessage.Other;
        }
    }

    private static JsonElement Record(JsonElement root, string type) =>
        root.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object
            ? record
            : throw new LogMessageFormatException($"{type} has no \"record\" object");

    private static ReportLine ReadReport(JsonElement record)
    {
        var id = record.TryGetProperty("requestId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new LogMessageFormatException("platform.report has no record.requestId");
        }

        ReportLineRules.CheckRequestId(id);

        if (!record.TryGetProperty("metrics", out var metrics) || metrics.ValueKind != JsonValueKind.Object)
        {
            throw new LogMessageFormatException($"platform.report for {id} has no record.metrics");
        }

        var duration = Number(metrics, "durationMs") ?? throw new LogMessageFormatException($"platform.report for {id} has no metrics.durationMs");
        var memory = Number(metrics, "memorySizeMB");
        return new ReportLine(id, new ReportMetrics(
            duration,
            Number(metrics, "billedDurationMs"),
            memory is { } m ? ReportLineRules.MemorySize(m) : null,
            Number(metrics, "maxMemoryUsedMB"),
            Number(metrics, "initDurationMs"),
            Number(metrics, "restoreDurationMs"),
            Number(metrics, "billedRestoreDurationMs"),
            Status(record),
            Text(record, "errorType")));
    }

    private static InitReportLine ReadInitReport(JsonElement record)
    {
        var init = record.TryGetProperty("metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Object
            ? Number(metrics, "durationMs")
            : null;
        return new InitReportLine(
            init ?? throw new LogMessageFormatException("platform.initReport has no metrics.durationMs"),
            Text(record, "phase"),
            Status(record),
            Text(record, "errorType"));
    }

    private static string Status(JsonElement record)
    {
        var status = Text(record, "status");
        if (status is null)
        {
            return InvocationStatus.Success;
        }

        try
        {
            return InvocationStatus.Normalise(status);
        }
        catch (FormatException e)
        {
            throw new LogMessageFormatException(e.Message);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number) && number >= 0)
        {
            return number;
        }

        throw new LogMessageFormatException($"metrics.{name} is not a non-negative number: {value.GetRawText()}");
    }

    private static DateTimeOffset? ReadTime(JsonElement root) =>
        root.TryGetProperty("time", out var time) && time.ValueKind == JsonValueKind.String && TimestampPrefix.TryParse(time.GetString(), out var parsed)
            ? parsed
            : null;
}
