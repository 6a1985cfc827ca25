using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>
/// The columns of summary.csv, declared once with their typed values: what the row is first (stratum, start type,
/// runtime, architecture, memory, platform), then its statistics. Units are in the names; values are rounded as
/// <see cref="CsvCell"/> says.
/// </summary>
public static class SummaryCsvColumns
{
    public static readonly IReadOnlyList<CsvColumn<ConfigurationSummary>> All =
    [
        new("configuration", s => CsvCell.Of(s.Configuration)),
        new("workload", s => CsvCell.Of(s.Workload)),
        new("start_type", s => CsvCell.Of(s.StartType)),
        new("runtime", s => CsvCell.Of(s.Runtime)),
        new("architecture", s => CsvCell.Of(s.Architecture)),
        new("memory_size_mb", s => CsvCell.Integer(s.MemorySizeMb)),
        new("platform", s => CsvCell.Of(s.Platform)),
        new("n", s => CsvCell.Integer(s.Duration.N)),
        new("mean_duration_ms", s => CsvCell.Milliseconds(s.Duration.Mean)),
        new("sd_duration_ms", s => CsvCell.Milliseconds(s.Duration.StandardDeviation)),
        new("min_duration_ms", s => CsvCell.Milliseconds(s.Duration.Min)),
        new("p50_duration_ms", s => CsvCell.Milliseconds(s.Duration.P50)),
        new("p90_duration_ms", s => CsvCell.Milliseconds(s.Duration.P90)),
        new("p95_duration_ms", s => CsvCell.Milliseconds(s.Duration.P95)),
        new("p99_duration_ms", s => CsvCell.Milliseconds(s.Duration.P99)),
        new("max_duration_ms", s => CsvCell.Milliseconds(s.Duration.Max)),
        new("mean_duration_ci95_low_ms", s => CsvCell.Milliseconds(s.Duration.MeanCi95?.Lower)),
        new("mean_duration_ci95_high_ms", s => CsvCell.Milliseconds(s.Duration.MeanCi95?.Upper)),
        new("median_duration_ci95_low_ms", s => CsvCell.Milliseconds(s.Duration.MedianCi95?.Lower)),
        new("median_duration_ci95_high_ms", s => CsvCell.Milliseconds(s.Duration.MedianCi95?.Upper)),
        new("median_duration_ci_coverage", s => CsvCell.Fraction(s.Duration.MedianCi95?.Coverage)),
        new("mean_billed_duration_ms", s => CsvCell.Milliseconds(s.MeanBilledDurationMs)),
        new("n_init", s => CsvCell.Integer(s.InitDuration.N)),
        new("mean_init_duration_ms", s => CsvCell.Milliseconds(s.InitDuration.Mean)),
        new("p50_init_duration_ms", s => CsvCell.Milliseconds(s.InitDuration.P50)),
        new("p95_init_duration_ms", s => CsvCell.Milliseconds(s.InitDuration.P95)),
        new("max_init_duration_ms", s => CsvCell.Milliseconds(s.InitDuration.Max)),
        new("cold_start_rate", s => CsvCell.Fraction(s.ColdStartRate)),
        new("cold_start_overhead_ms", s => CsvCell.Milliseconds(s.ColdStartOverheadMs)),
        new("cold_start_overhead_ci95_low_ms", s => CsvCell.Milliseconds(s.ColdStartOverheadCi95?.Lower)),
        new("cold_start_overhead_ci95_high_ms", s => CsvCell.Milliseconds(s.ColdStartOverheadCi95?.Upper)),
        new("cold_start_overhead_pct", s => CsvCell.Fraction(s.ColdStartOverheadPercent)),
        new("mean_max_memory_used_mb", s => CsvCell.Megabytes(s.MeanMaxMemoryUsedMb)),
        new("n_invocations", s => CsvCell.Integer(s.Failures.Invocations)),
        new("n_not_successful", s => CsvCell.Integer(s.NotSuccessful)),
        new("n_error", s => CsvCell.Integer(s.Failures.Errors)),
        new("n_timeout", s => CsvCell.Integer(s.Failures.Timeouts)),
        new("error_rate", s => CsvCell.Fraction(s.Failures.ErrorRate)),
        new("error_rate_ci95_low", s => CsvCell.Fraction(s.Failures.ErrorRateCi95?.Lower)),
        new("error_rate_ci95_high", s => CsvCell.Fraction(s.Failures.ErrorRateCi95?.Upper)),
        new("timeout_rate", s => CsvCell.Fraction(s.Failures.TimeoutRate)),
        new("timeout_rate_ci95_low", s => CsvCell.Fraction(s.Failures.TimeoutRateCi95?.Lower)),
        new("timeout_rate_ci95_high", s => CsvCell.Fraction(s.Failures.TimeoutRateCi95?.Upper)),
        new("n_billed_duration_estimated", s => CsvCell.Integer(s.BilledDurationEstimated)),
        new("cost_per_invocation_usd", s => CsvCell.Money(s.CostPerInvocationUsd)),
        new("cost_per_million_usd", s => CsvCell.Money(s.CostPerMillionUsd)),
        new("monthly_invocations", s => CsvCell.Integer(s.MonthlyInvocations)),
        new("monthly_cost_usd", s => CsvCell.Money(s.MonthlyCostUsd)),
        new("fargate_break_even_requests_per_month", s => CsvCell.Integer(s.FargateBreakEvenRequestsPerMonth is { } v ? (long)v : null)),
        // With rounds (a replicated run), the row's comparison metric with the round as the unit; empty otherwise.
        new("rounds", s => CsvCell.Integer(s.Rounds?.Rounds)),
        new("round_metric", s => CsvCell.Of(s.RoundMetric)),
        new("round_median_mean_ms", s => CsvCell.Milliseconds(s.Rounds?.MedianMean)),
        new("round_median_sd_ms", s => CsvCell.Milliseconds(s.Rounds?.MedianSd)),
        new("round_median_mean_ci95_low_ms", s => CsvCell.Milliseconds(s.Rounds?.MedianMeanCi95?.Lower)),
        new("round_median_mean_ci95_high_ms", s => CsvCell.Milliseconds(s.Rounds?.MedianMeanCi95?.Upper)),
        new("within_round_sd_ms", s => CsvCell.Milliseconds(s.Rounds?.WithinRoundSd)),
        new("between_round_sd_ms", s => CsvCell.Milliseconds(s.Rounds?.BetweenRoundSd)),
        new("between_round_share", s => CsvCell.Fraction(s.Rounds?.BetweenRoundShare)),
    ];
}
