using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Statistics of one configuration and start type ("all", "warm" or "cold"). The cold-start rate and overhead belong to
/// the configuration and are the same on its three rows. Costs are null where memory size or architecture is unknown.
/// </summary>
public sealed record ConfigurationSummary
{
    public required string Configuration { get; init; }
    public required string StartType { get; init; }
    public string? Runtime { get; init; }
    public string? Architecture { get; init; }
    public int? MemorySizeMb { get; init; }
    public string? Platform { get; init; }
    public required SampleStatistics Duration { get; init; }
    public double? MeanBilledDurationMs { get; init; }
    public required SampleStatistics InitDuration { get; init; }
    public double? ColdStartRate { get; init; }
    public double? ColdStartOverheadMs { get; init; }
    public double? ColdStartOverheadPercent { get; init; }
    public double? MeanMaxMemoryUsedMb { get; init; }
    public int NotSuccessful { get; init; }
    public int BilledDurationEstimated { get; init; }
    public decimal? CostPerInvocationUsd { get; init; }
    public decimal? CostPerMillionUsd { get; init; }
    public long MonthlyInvocations { get; init; }
    public decimal? MonthlyCostUsd { get; init; }
}
