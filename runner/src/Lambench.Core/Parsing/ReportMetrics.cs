namespace Lambench.Core.Parsing;

/// <summary>The metrics of one REPORT line without its request id, so a reader can keep the id as a span of its buffer.</summary>
public readonly record struct ReportMetrics(
    double DurationMs,
    double? BilledDurationMs,
    int? MemorySizeMb,
    double? MaxMemoryUsedMb,
    double? InitDurationMs,
    double? RestoreDurationMs,
    double? BilledRestoreDurationMs,
    string Status,
    string? ErrorType);
