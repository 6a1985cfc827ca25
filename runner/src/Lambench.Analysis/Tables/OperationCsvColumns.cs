using Lambench.Analysis.Operations;

namespace Lambench.Analysis.Tables;

/// <summary>The columns of operation_latency.csv, written when a run's functions logged DynamoDB operations: one row per configuration, batch and operation.</summary>
public static class OperationCsvColumns
{
    public static readonly IReadOnlyList<CsvColumn<OperationSummary>> All =
    [
        new("configuration", s => CsvCell.Of(s.Configuration)),
        new("label", s => CsvCell.Of(s.Label)),
        new("operation", s => CsvCell.Of(s.Operation)),
        new("n_operations", s => CsvCell.Integer(s.Operations)),
        new("n_invocations", s => CsvCell.Integer(s.Invocations)),
        new("items", s => CsvCell.Integer(s.Items)),
        new("size_bytes", s => CsvCell.Integer(s.Bytes)),
        new("p50_latency_ms", s => CsvCell.Milliseconds(s.LatencyMs.P50)),
        new("median_latency_ci95_low_ms", s => CsvCell.Milliseconds(s.LatencyMs.MedianCi95?.Lower)),
        new("median_latency_ci95_high_ms", s => CsvCell.Milliseconds(s.LatencyMs.MedianCi95?.Upper)),
        new("p95_latency_ms", s => CsvCell.Milliseconds(s.LatencyMs.P95)),
        new("p99_latency_ms", s => CsvCell.Milliseconds(s.LatencyMs.P99)),
        new("max_latency_ms", s => CsvCell.Milliseconds(s.LatencyMs.Max)),
        new("mean_latency_ms", s => CsvCell.Milliseconds(s.LatencyMs.Mean)),
        new("items_per_s_of_operation_time", s => CsvCell.Fixed(s.ItemsPerSecond, 3)),
        new("attempts_per_operation", s => CsvCell.Fixed(s.AttemptsPerOperation, 3)),
        new("n_throttles", s => CsvCell.Integer(s.Throttles)),
        new("throttled_operation_share", s => CsvCell.Fraction(s.ThrottledShare)),
        new("waiting_ms", s => CsvCell.Milliseconds(s.WaitingSumMs)),
        new("share_of_duration", s => CsvCell.Fraction(s.ShareOfDuration)),
    ];
}
