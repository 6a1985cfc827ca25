using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

public sealed record ReportOutcome(SummaryResult Summary, IReadOnlyList<string> FilesWritten, IReadOnlyList<string> Warnings);
