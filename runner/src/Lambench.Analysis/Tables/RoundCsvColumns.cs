namespace Lambench.Analysis.Tables;

/// <summary>
/// The columns of rounds.csv, written for a replicated run: one row per configuration, workload, start type and
/// round, with that round's n, median and mean of the row's comparison metric (warm Duration, cold Init Duration).
/// </summary>
public static class RoundCsvColumns
{
    public static readonly IReadOnlyList<CsvColumn<RoundCsvRow>> All =
    [
        new("configuration", r => CsvCell.Of(r.Summary.Configuration)),
        new("workload", r => CsvCell.Of(r.Summary.Workload)),
        new("start_type", r => CsvCell.Of(r.Summary.StartType)),
        new("runtime", r => CsvCell.Of(r.Summary.Runtime)),
        new("architecture", r => CsvCell.Of(r.Summary.Architecture)),
        new("memory_size_mb", r => CsvCell.Integer(r.Summary.MemorySizeMb)),
        new("platform", r => CsvCell.Of(r.Summary.Platform)),
        new("metric", r => CsvCell.Of(r.Summary.RoundMetric)),
        new("round", r => CsvCell.Integer(r.Round.Round)),
        new("n", r => CsvCell.Integer(r.Round.N)),
        new("median_ms", r => CsvCell.Milliseconds(r.Round.Median)),
        new("mean_ms", r => CsvCell.Milliseconds(r.Round.Mean)),
    ];
}
