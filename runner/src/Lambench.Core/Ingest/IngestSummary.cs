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
    public string ToOneLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Rows} invocations from {ReportLines} REPORT lines in {Files} file(s); {RejectedLines} unreadable REPORT lines rejected; {SkippedLines} other lines skipped; {DuplicatesMerged} duplicates merged; {ConflictingDuplicates} conflicting duplicates (first kept); {InitReports} INIT_REPORT lines (no request id, not rows); {Tags} tag lines ({TagsWithoutReport} without a REPORT line)");
}
