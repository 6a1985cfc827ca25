using Lambench.Core.Csv;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>The columns of comparisons.csv: one row per pair of configurations differing in one factor, per start type.</summary>
public static class ComparisonCsvColumns
{
    public static readonly IReadOnlyList<(string Name, Func<ConfigurationComparison, string> Value)> All =
    [
        ("baseline", c => c.Baseline),
        ("candidate", c => c.Candidate),
        ("workload", c => c.Workload ?? string.Empty),
        ("factor", c => c.Factor),
        ("baseline_value", c => c.BaselineValue),
        ("candidate_value", c => c.CandidateValue),
        ("start_type", c => c.StartType),
        ("metric", c => c.Metric),
        ("n_baseline", c => InvariantFormat.Integer(c.BaselineN)),
        ("n_candidate", c => InvariantFormat.Integer(c.CandidateN)),
        ("median_baseline_ms", c => InvariantFormat.Number(c.BaselineMedian)),
        ("median_candidate_ms", c => InvariantFormat.Number(c.CandidateMedian)),
        ("median_ratio", c => InvariantFormat.Number(c.MedianRatio)),
        ("median_ratio_ci95_low", c => InvariantFormat.Number(c.MedianRatioCi95?.Lower)),
        ("median_ratio_ci95_high", c => InvariantFormat.Number(c.MedianRatioCi95?.Upper)),
        ("mann_whitney_u", c => InvariantFormat.Number(c.MannWhitneyU)),
        ("mann_whitney_p_value", c => InvariantFormat.Number(c.MannWhitneyPValue)),
        ("holm_adjusted_p_value", c => InvariantFormat.Number(c.HolmAdjustedPValue)),
        ("cliffs_delta", c => InvariantFormat.Number(c.CliffsDelta)),
        // With rounds: the effect with the round as the unit (paired per-round median ratios).
        ("rounds_paired", c => InvariantFormat.Integer(c.AcrossRounds?.Rounds)),
        ("round_median_ratio", c => InvariantFormat.Number(c.AcrossRounds?.GeometricMeanRatio)),
        ("round_median_ratio_ci95_low", c => InvariantFormat.Number(c.AcrossRounds?.Ci95?.Lower)),
        ("round_median_ratio_ci95_high", c => InvariantFormat.Number(c.AcrossRounds?.Ci95?.Upper)),
    ];
}
