using System.Globalization;

namespace Lambench.Core.Ingest;

/// <summary>Counts of what an ingest read, kept, merged and skipped, so nothing disappears silently.</summary>
public sealed record IngestSummary(
    int Files,
    long Entries,
    long ReportLines,
    int Rows,
    long DuplicatesMerged,
    long ConflictingDuplicates,
    long InitReports,
    long Tags,
    long TagsWithoutReport,
    long SkippedLines,
    long RejectedLines)
{
    /// <summary>Embedded-metric-format lines read; <see cref="InvalidMetricLines"/> of them CloudWatch would extract nothing from.</summary>
    public long MetricLines { get; init; }

    public long InvalidMetricLines { get; init; }

    /// <summary>DynamoDB operations the functions logged, each once.</summary>
    public long Operations { get; init; }

    public string ToOneLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rows} invocations from {ReportLines} REPORT lines in {Files} file(s); {RejectedLines} unreadable REPORT lines rejected; {SkippedLines} other lines skipped; {DuplicatesMerged} duplicates merged; {ConflictingDuplicates} conflicting duplicates (first kept); {InitReports} INIT_REPORT lines (no request id, not rows); {Tags} tag lines ({TagsWithoutReport} without a REPORT line){(MetricLines > 0 ? $"; {MetricLines} embedded metric lines ({InvalidMetricLines} invalid), {Operations} DynamoDB operations" : string.Empty)}");
}
