namespace Lambench.Core.Summary;

public sealed record SummaryResult(IReadOnlyList<ConfigurationSummary> Rows, IReadOnlyList<ConfigurationComparison> Comparisons, IReadOnlyList<string> Warnings);
