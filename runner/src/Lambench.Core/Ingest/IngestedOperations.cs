using Lambench.Core.Records;

namespace Lambench.Core.Ingest;

/// <summary>
/// The DynamoDB operations of every file read, each once: overlapping exports repeat lines, and an operation is known
/// by its request id and its place in the invocation. Counts the embedded metric lines read and the invalid ones.
/// </summary>
internal sealed class IngestedOperations
{
    private readonly Dictionary<(string RequestId, int Sequence), OperationRecord> byKey = [];

    public long MetricLines { get; private set; }

    public long InvalidMetricLines { get; private set; }

    public int Count => byKey.Count;

    public void Add(LogFileIngest file)
    {
        MetricLines += file.MetricLines;
        InvalidMetricLines += file.InvalidMetricLines;
        foreach (var operation in file.Operations)
        {
            byKey.TryAdd((operation.RequestId, operation.Sequence), operation);
        }
    }

    /// <summary>By configuration, time, request id and place.</summary>
    public List<OperationRecord> InOrder() =>
        byKey.Values.OrderBy(o => o.Configuration, StringComparer.Ordinal).ThenBy(o => o.TimestampUtc).ThenBy(o => o.RequestId, StringComparer.Ordinal).ThenBy(o => o.Sequence).ToList();
}
