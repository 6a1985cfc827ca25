using Lambench.Core.Metrics;

namespace Lambench.Core.Records;

/// <summary>
/// One DynamoDB operation a function under test timed and logged as an embedded metric line: a row of operations.csv,
/// joined with its invocation by request id.
/// </summary>
public sealed record OperationRecord
{
    public required string Configuration { get; init; }
    public required string RequestId { get; init; }
    public required string Operation { get; init; }
    public required int Sequence { get; init; }
    public DateTimeOffset TimestampUtc { get; init; }

    /// <summary>Milliseconds from the handler's start to the operation's start; null where the line did not say.</summary>
    public double? OffsetMs { get; init; }
    public required double LatencyMs { get; init; }
    public required long Items { get; init; }
    public required long Bytes { get; init; }
    public required int Attempts { get; init; }
    public required int Throttles { get; init; }
    public string? BatchId { get; init; }
    public string? Label { get; init; }

    /// <summary>The operation an embedded metric line describes; null when the line is not an operation line of <see cref="FunctionMetricNames"/>.</summary>
    public static OperationRecord? From(EmbeddedMetricDocument document, string configuration)
    {
        if (document.Text(FunctionMetricNames.Operation) is not { } operation || document.Text(FunctionMetricNames.RequestId) is not { } requestId
            || document.Number(FunctionMetricNames.OperationLatency) is not { } latency
            || document.Number(FunctionMetricNames.OperationItems) is not { } items || document.Number(FunctionMetricNames.OperationBytes) is not { } bytes
            || document.Number(FunctionMetricNames.OperationAttempts) is not { } attempts || document.Number(FunctionMetricNames.OperationThrottles) is not { } throttles)
        {
            return null;
        }

        return new OperationRecord
        {
            Configuration = configuration,
            RequestId = requestId,
            Operation = operation,
            Sequence = (int)(document.Number(FunctionMetricNames.Sequence) ?? 0),
            TimestampUtc = document.Timestamp,
            OffsetMs = document.Number(FunctionMetricNames.Offset),
            LatencyMs = latency,
            Items = (long)items,
            Bytes = (long)bytes,
            Attempts = (int)attempts,
            Throttles = (int)throttles,
            BatchId = document.Text(FunctionMetricNames.BatchId),
            Label = document.Text(FunctionMetricNames.Label),
        };
    }

    /// <summary>
    /// The time an invocation's operations kept it waiting on DynamoDB: the length of the union of their intervals
    /// [offset, offset + latency], so overlapping (parallel) operations count once; where an operation lacks its offset,
    /// the plain sum of latencies (exact for operations one after another).
    /// </summary>
    public static double WaitingMs(IEnumerable<OperationRecord> operations)
    {
        var list = operations.ToList();
        if (list.Any(o => o.OffsetMs is null))
        {
            return list.Sum(o => o.LatencyMs);
        }

        double total = 0, end = double.NegativeInfinity;
        foreach (var (start, stop) in list.Select(o => (o.OffsetMs!.Value, o.OffsetMs.Value + o.LatencyMs)).OrderBy(i => i.Item1))
        {
            if (stop <= end)
            {
                continue;
            }

            total += stop - Math.Max(start, end);
            end = stop;
        }

        return total;
    }
}
