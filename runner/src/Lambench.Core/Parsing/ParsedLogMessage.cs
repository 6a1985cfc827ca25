using Lambench.Core.Metrics;

namespace Lambench.Core.Parsing;

/// <summary>
/// The outcome of reading one log message. Timestamp is set when the message carries its own (JSON "time"). An EMF
/// line carries its document, or the reason CloudWatch would extract nothing from it.
/// </summary>
public readonly record struct ParsedLogMessage(
    LogMessageKind Kind,
    ReportLine Report = default,
    InitReportLine InitReport = default,
    InvocationTag? Tag = null,
    DateTimeOffset? Timestamp = null,
    EmbeddedMetricDocument? MetricDocument = null,
    string? MetricsRejected = null)
{
    public static ParsedLogMessage Other => new(LogMessageKind.Other);
    public static ParsedLogMessage Platform => new(LogMessageKind.Platform);
}
