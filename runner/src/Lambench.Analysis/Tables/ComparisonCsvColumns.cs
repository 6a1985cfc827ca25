using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>The columns of comparisons.csv: one row per pair of configurations differing in one factor, per start type.</summary>
public static class ComparisonCsvColumns
{
    public static readonly IReadOnlyList<CsvColumn<ConfigurationComparison>> All =
    [
        new("baseline", c => CsvCell.Of(c.Baseline)),
        new("candidate", c => CsvCell.Of(c.Candidate)),
        new("workload", c => CsvCell.Of(c.Workload)),
        new("factor", c => CsvCell.Of(c.Factor)),
        new("baseline_value", c => CsvCell.Of(c.BaselineValue)),
        new("candidate_value", c => CsvCell.Of(c.CandidateValue)),
        new("start_type", c => CsvCell.Of(c.StartType)),
        new("metric", c => CsvCell.Of(c.Metric)),
        new("n_baseline", c => CsvCell.Integer(c.BaselineN)),
        new("n_candidate", c => CsvCell.Integer(c.CandidateN)),
        new("median_baseline_ms", c => CsvCell.Milliseconds(c.BaselineMedian)),
        new("median_candidate_ms", c => CsvCell.Milliseconds(c.CandidateMedian)),
        new("median_ratio", c => CsvCell.Fraction(c.MedianRatio)),
        new("median_ratio_ci95_low", c => CsvCell.Fraction(c.MedianRatioCi95?.Lower)),
        new("median_ratio_ci95_high", c => CsvCell.Fraction(c.MedianRatioCi95?.Upper)),
        new("mann_whitney_u", c => CsvCell.Fixed(c.MannWhitneyU, 1)),
        new("mann_whitney_p_value", c => CsvCell.Fraction(c.MannWhitneyPValue)),
        new("holm_adjusted_p_value", c => CsvCell.Fraction(c.HolmAdjustedPValue)),
        new("cliffs_delta", c => CsvCell.Fraction(c.CliffsDelta)),
        new("cost_ratio", c => CsvCell.Fraction(c.CostRatio)),
        // With rounds: the effect with the round as the unit (paired per-round median ratios).
        new("rounds_paired", c => CsvCell.Integer(c.AcrossRounds?.Rounds)),
        new("round_median_ratio", c => CsvCell.Fraction(c.AcrossRounds?.GeometricMeanRatio)),
        new("round_median_ratio_ci95_low", c => CsvCell.Fraction(c.AcrossRounds?.Ci95?.Lower)),
        new("round_median_ratio_ci95_high", c => CsvCell.Fraction(c.AcrossRounds?.Ci95?.Upper)),
    ];
}
