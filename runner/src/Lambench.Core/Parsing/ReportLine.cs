namespace Lambench.Core.Parsing;

/// <summary>The metrics of one REPORT line (text or JSON format), before any experiment context is attached.</summary>
public readonly record struct ReportLine(
    string RequestId,
    double DurationMs,
    double? BilledDurationMs,
    int? MemorySizeMb,
    double? MaxMemoryUsedMb,
    double? InitDurationMs,
    double? RestoreDurationMs,
    double? BilledRestoreDurationMs,
    string Status,
    string? ErrorType)
{
    public ReportMetrics Metrics => new(DurationMs, BilledDurationMs, MemorySizeMb, MaxMemoryUsedMb, InitDurationMs, RestoreDurationMs, BilledRestoreDurationMs, Status, ErrorType);
}
