using Lambench.Core.Csv;

namespace Lambench.Analysis.Tables;

/// <summary>
/// The columns of rounds.csv, written for a replicated run: one row per configuration, workload, start type and
/// round, with that round's n, median and mean of the row's comparison metric (warm Duration, cold Init Duration).
/// </summary>
public static class RoundCsvColumns
{
    public static readonly IReadOnlyList<(string Name, Func<RoundCsvRow, string> Value)> All =
    [
        ("configuration", r => r.Summary.Configuration),
        ("workload", r => r.Summary.Workload ?? string.Empty),
        ("start_type", r => r.Summary.StartType),
        ("metric", r => r.Summary.RoundMetric ?? string.Empty),
        ("round", r => InvariantFormat.Integer(r.Round.Round)),
        ("n", r => InvariantFormat.Integer(r.Round.N)),
        ("median_ms", r => InvariantFormat.Number(r.Round.Median)),
        ("mean_ms", r => InvariantFormat.Number(r.Round.Mean)),
        ("runtime", r => r.Summary.Runtime ?? string.Empty),
        ("architecture", r => r.Summary.Architecture ?? string.Empty),
        ("memory_size_mb", r => InvariantFormat.Integer(r.Summary.MemorySizeMb)),
        ("platform", r => r.Summary.Platform ?? string.Empty),
    ];
}
