using Lambench.Core.Csv;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>The columns of throttles.csv, written when a run recorded throttles: one row per configuration.</summary>
public static class ThrottleCsvColumns
{
    public static readonly IReadOnlyList<(string Name, Func<ThrottleRate, string> Value)> All =
    [
        ("configuration", t => t.Configuration),
        ("n_invocations", t => InvariantFormat.Integer(t.Invocations)),
        ("n_throttled", t => InvariantFormat.Integer(t.Throttled)),
        ("throttle_rate", t => InvariantFormat.Number(t.Rate)),
        ("throttle_rate_ci95_low", t => InvariantFormat.Number(t.RateCi95?.Lower)),
        ("throttle_rate_ci95_high", t => InvariantFormat.Number(t.RateCi95?.Upper)),
    ];
}
