using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Statistics of one stratum (a configuration, and its workload where the functions logged batch labels) and start
/// type: "warm", "cold", or "mix", the two mixed at a cold share the user declared (its latency is Duration for warm
/// starts and Duration + Init for cold ones; its <see cref="ColdStartRate"/> is the declared share). Latency
/// statistics (Duration, Init, cold-start rate and overhead) are over successful invocations only;
/// <see cref="Failures"/> counts the others, and costs and the mean billed duration include every invocation, as AWS
/// bills them. The measured cold-start rate and the overhead belong to the stratum and are the same on its warm and
/// cold rows. Costs are null where memory size or architecture is unknown.
/// </summary>
public sealed record ConfigurationSummary
{
    public required string Configuration { get; init; }

    /// <summary>The batch label its invocations were logged with (one workload of the configuration); null where none was.</summary>
    public string? Workload { get; init; }

    /// <summary>The row's name in tables and figures (<see cref="StratumName"/>).</summary>
    public string Stratum => StratumName.Of(Configuration, Workload);
    public required string StartType { get; init; }
    public string? Runtime { get; init; }
    public string? Architecture { get; init; }
    public int? MemorySizeMb { get; init; }
    public string? Platform { get; init; }
    public required SampleStatistics Duration { get; init; }
    public double? MeanBilledDurationMs { get; init; }
    public required SampleStatistics InitDuration { get; init; }

    /// <summary>
    /// With rounds: the row's comparison metric (<see cref="RoundMetric"/>: Duration on warm rows, Init Duration on cold
    /// ones) with the round as the unit; null below 2 rounds and on mix rows.
    /// </summary>
    public RoundStatistics? Rounds { get; init; }

    /// <summary>duration_ms or init_duration_ms: what <see cref="Rounds"/> describes.</summary>
    public string? RoundMetric { get; init; }
    public double? ColdStartRate { get; init; }
    public double? ColdStartOverheadMs { get; init; }

    /// <summary>Percentile bootstrap 95% interval of the overhead; null below 10 cold and 10 warm successful invocations.</summary>
    public ConfidenceInterval? ColdStartOverheadCi95 { get; init; }
    public double? ColdStartOverheadPercent { get; init; }
    public double? MeanMaxMemoryUsedMb { get; init; }
    public int NotSuccessful { get; init; }

    /// <summary>Errors, timeouts and other failures among this row's invocations, with Wilson intervals.</summary>
    public required FailureRates Failures { get; init; }

    /// <summary>The stratum's totals (failures over all its invocations, successful count, memory), the same on each of its rows.</summary>
    public required StratumTotals Totals { get; init; }
    public int BilledDurationEstimated { get; init; }
    public decimal? CostPerInvocationUsd { get; init; }
    public decimal? CostPerMillionUsd { get; init; }
    public long MonthlyInvocations { get; init; }
    public decimal? MonthlyCostUsd { get; init; }

    /// <summary>
    /// Warm rows: the smallest monthly volume at which this configuration on Lambda (priced as this row: every warm
    /// invocation's Billed Duration, failures too; without the free tier, like
    /// <see cref="MonthlyCostUsd"/>) costs as much as Fargate tasks of 0.25 vCPU and 0.5 GB of its architecture, each
    /// serving one request at a time for the mean warm Duration (<c>lambench cost breakeven</c> sizes them otherwise).
    /// Null where the row is not priced, the price file has no Fargate figure, or Lambda stays cheaper.
    /// </summary>
    public decimal? FargateBreakEvenRequestsPerMonth { get; init; }
}
