using Lambench.Core.Cost;

namespace Lambench.Core.Summary;

/// <summary>
/// The summary rows and comparisons of a report, and the month of all its configurations in one account (null when
/// none can be priced), the free tier applied once.
/// </summary>
public sealed record SummaryResult(IReadOnlyList<ConfigurationSummary> Rows, IReadOnlyList<ConfigurationComparison> Comparisons, IReadOnlyList<string> Warnings)
{
    public AccountMonthlyProjection? AccountProjection { get; init; }

    /// <summary>Throttled requests per configuration, where a run recorded them (collection.json); empty otherwise.</summary>
    public IReadOnlyList<ThrottleRate> Throttles { get; init; } = [];

    /// <summary>How each run behind the inputs measured, where its collection.json says (distinct setups); empty otherwise.</summary>
    public IReadOnlyList<RunSetup> Setups { get; init; } = [];
}
