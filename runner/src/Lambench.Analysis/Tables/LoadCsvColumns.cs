using Lambench.Analysis.Load;

namespace Lambench.Analysis.Tables;

/// <summary>The columns of loads.csv, written for a load spec's run: one row per load step.</summary>
public static class LoadCsvColumns
{
    public static readonly IReadOnlyList<CsvColumn<LoadStepSummary>> All =
    [
        new("configuration", s => CsvCell.Of(s.Configuration)),
        new("label", s => CsvCell.Of(s.Label)),
        new("round", s => CsvCell.Integer(s.Round)),
        new("n_sent", s => CsvCell.Integer(s.Sent)),
        new("n_ok", s => CsvCell.Integer(s.Ok)),
        new("n_error", s => CsvCell.Integer(s.Errors)),
        new("n_throttled", s => CsvCell.Integer(s.Throttled)),
        new("window_s", s => CsvCell.Fixed(s.WindowS, 3)),
        new("ok_per_s", s => CsvCell.Fixed(s.OkPerSecond, 3)),
        new("throttled_share", s => CsvCell.Fraction(s.ThrottledShare)),
        new("p50_client_latency_ms", s => CsvCell.Milliseconds(s.ClientLatencyMs.P50)),
        new("median_client_latency_ci95_low_ms", s => CsvCell.Milliseconds(s.ClientLatencyMs.MedianCi95?.Lower)),
        new("median_client_latency_ci95_high_ms", s => CsvCell.Milliseconds(s.ClientLatencyMs.MedianCi95?.Upper)),
        new("p95_client_latency_ms", s => CsvCell.Milliseconds(s.ClientLatencyMs.P95)),
        new("p99_client_latency_ms", s => CsvCell.Milliseconds(s.ClientLatencyMs.P99)),
        new("max_client_latency_ms", s => CsvCell.Milliseconds(s.ClientLatencyMs.Max)),
        new("p50_platform_network_ms", s => CsvCell.Milliseconds(s.PlatformNetworkMs.P50)),
        new("p50_to_start_ms", s => CsvCell.Milliseconds(s.ToStartMs.P50)),
    ];
}
