using Lambench.Core.Csv;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>
/// The columns of summary.csv, declared once with their values: the required columns first, in the order the
/// documentation gives, then the others. Units are in the names; every value is invariant and full precision.
/// </summary>
public static class SummaryCsvColumns
{
    public static readonly IReadOnlyList<(string Name, Func<ConfigurationSummary, string> Value)> All =
    [
        ("configuration", s => s.Configuration),
        ("workload", s => s.Workload ?? string.Empty),
        ("start_type", s => s.StartType),
        ("n", s => InvariantFormat.Integer(s.Duration.N)),
        ("mean_duration_ms", s => InvariantFormat.Number(s.Duration.Mean)),
        ("sd_duration_ms", s => InvariantFormat.Number(s.Duration.StandardDeviation)),
        ("min_duration_ms", s => InvariantFormat.Number(s.Duration.Min)),
        ("p50_duration_ms", s => InvariantFormat.Number(s.Duration.P50)),
        ("p90_duration_ms", s => InvariantFormat.Number(s.Duration.P90)),
        ("p95_duration_ms", s => InvariantFormat.Number(s.Duration.P95)),
        ("p99_duration_ms", s => InvariantFormat.Number(s.Duration.P99)),
        ("max_duration_ms", s => InvariantFormat.Number(s.Duration.Max)),
        ("mean_billed_duration_ms", s => InvariantFormat.Number(s.MeanBilledDurationMs)),
        ("mean_init_duration_ms", s => InvariantFormat.Number(s.InitDuration.Mean)),
        ("p95_init_duration_ms", s => InvariantFormat.Number(s.InitDuration.P95)),
        ("cold_start_overhead_ms", s => InvariantFormat.Number(s.ColdStartOverheadMs)),
        ("mean_max_memory_used_mb", s => InvariantFormat.Number(s.MeanMaxMemoryUsedMb)),
        ("cost_per_invocation_usd", s => InvariantFormat.Money(s.CostPerInvocationUsd)),
        ("cost_per_million_usd", s => InvariantFormat.Money(s.CostPerMillionUsd)),
        ("runtime", s => s.Runtime ?? string.Empty),
        ("architecture", s => s.Architecture ?? string.Empty),
        ("memory_size_mb", s => InvariantFormat.Integer(s.MemorySizeMb)),
        ("platform", s => s.Platform ?? string.Empty),
        ("mean_duration_ci95_low_ms", s => InvariantFormat.Number(s.Duration.MeanCi95?.Lower)),
        ("mean_duration_ci95_high_ms", s => InvariantFormat.Number(s.Duration.MeanCi95?.Upper)),
        ("median_duration_ci95_low_ms", s => InvariantFormat.Number(s.Duration.MedianCi95?.Lower)),
        ("median_duration_ci95_high_ms", s => InvariantFormat.Number(s.Duration.MedianCi95?.Upper)),
        ("median_duration_ci_coverage", s => InvariantFormat.Number(s.Duration.MedianCi95?.Coverage)),
        ("cold_start_rate", s => InvariantFormat.Number(s.ColdStartRate)),
        ("n_init", s => InvariantFormat.Integer(s.InitDuration.N)),
        ("p50_init_duration_ms", s => InvariantFormat.Number(s.InitDuration.P50)),
        ("max_init_duration_ms", s => InvariantFormat.Number(s.InitDuration.Max)),
        ("cold_start_overhead_pct", s => InvariantFormat.Number(s.ColdStartOverheadPercent)),
        ("cold_start_overhead_ci95_low_ms", s => InvariantFormat.Number(s.ColdStartOverheadCi95?.Lower)),
        ("cold_start_overhead_ci95_high_ms", s => InvariantFormat.Number(s.ColdStartOverheadCi95?.Upper)),
        ("n_not_successful", s => InvariantFormat.Integer(s.NotSuccessful)),
        ("n_invocations", s => InvariantFormat.Integer(s.Failures.Invocations)),
        ("n_error", s => InvariantFormat.Integer(s.Failures.Errors)),
        ("n_timeout", s => InvariantFormat.Integer(s.Failures.Timeouts)),
        ("error_rate", s => InvariantFormat.Number(s.Failures.ErrorRate)),
        ("error_rate_ci95_low", s => InvariantFormat.Number(s.Failures.ErrorRateCi95?.Lower)),
        ("error_rate_ci95_high", s => InvariantFormat.Number(s.Failures.ErrorRateCi95?.Upper)),
        ("timeout_rate", s => InvariantFormat.Number(s.Failures.TimeoutRate)),
        ("timeout_rate_ci95_low", s => InvariantFormat.Number(s.Failures.TimeoutRateCi95?.Lower)),
        ("timeout_rate_ci95_high", s => InvariantFormat.Number(s.Failures.TimeoutRateCi95?.Upper)),
        ("n_billed_duration_estimated", s => InvariantFormat.Integer(s.BilledDurationEstimated)),
        ("monthly_invocations", s => InvariantFormat.Integer(s.MonthlyInvocations)),
        ("monthly_cost_usd", s => InvariantFormat.Money(s.MonthlyCostUsd)),
        // With rounds (a replicated run), the row's comparison metric with the round as the unit; empty otherwise.
        ("rounds", s => InvariantFormat.Integer(s.Rounds?.Rounds)),
        ("round_metric", s => s.RoundMetric ?? string.Empty),
        ("round_median_mean_ms", s => InvariantFormat.Number(s.Rounds?.MedianMean)),
        ("round_median_sd_ms", s => InvariantFormat.Number(s.Rounds?.MedianSd)),
        ("round_median_mean_ci95_low_ms", s => InvariantFormat.Number(s.Rounds?.MedianMeanCi95?.Lower)),
        ("round_median_mean_ci95_high_ms", s => InvariantFormat.Number(s.Rounds?.MedianMeanCi95?.Upper)),
        ("within_round_sd_ms", s => InvariantFormat.Number(s.Rounds?.WithinRoundSd)),
        ("between_round_sd_ms", s => InvariantFormat.Number(s.Rounds?.BetweenRoundSd)),
        ("between_round_share", s => InvariantFormat.Number(s.Rounds?.BetweenRoundShare)),
    ];
}
