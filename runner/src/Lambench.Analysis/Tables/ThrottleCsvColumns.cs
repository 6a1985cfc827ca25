using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>The columns of throttles.csv, written when a run recorded throttles: one row per configuration.</summary>
public static class ThrottleCsvColumns
{
    public static readonly IReadOnlyList<CsvColumn<ThrottleRate>> All =
    [
        new("configuration", t => CsvCell.Of(t.Configuration)),
        new("n_invocations", t => CsvCell.Integer(t.Invocations)),
        new("n_throttled", t => CsvCell.Integer(t.Throttled)),
        new("throttle_rate", t => CsvCell.Fraction(t.Rate)),
        new("throttle_rate_ci95_low", t => CsvCell.Fraction(t.RateCi95?.Lower)),
        new("throttle_rate_ci95_high", t => CsvCell.Fraction(t.RateCi95?.Upper)),
    ];
}
