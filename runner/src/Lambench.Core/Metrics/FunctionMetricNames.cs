namespace Lambench.Core.Metrics;

/// <summary>
/// The embedded metrics the functions under test write, in Python and Go alike (infra/functions): one line per
/// invocation with the handler's own time, and for the DynamoDB workloads one line per operation. Both carry the
/// request id, batch id and label beside the metrics, which CloudWatch keeps in the log and does not make dimensions.
/// </summary>
public static class FunctionMetricNames
{
    public const string Namespace = "Lambench";

    /// <summary>Dimension: the function's name (AWS_LAMBDA_FUNCTION_NAME).</summary>
    public const string FunctionName = "FunctionName";

    /// <summary>Dimension: the DynamoDB API action (BatchWriteItem, GetItem).</summary>
    public const string Operation = "Operation";

    /// <summary>Milliseconds from the handler's start to its result, measured by the function.</summary>
    public const string HandlerTime = "HandlerTime";

    /// <summary>Milliseconds from the operation's first request to its last answer, the SDK's retries and the re-sending of unprocessed items included.</summary>
    public const string OperationLatency = "OperationLatency";

    /// <summary>Items the operation wrote or read.</summary>
    public const string OperationItems = "OperationItems";

    /// <summary>The items' bytes: attribute names plus values, numbers counted by their decimal text.</summary>
    public const string OperationBytes = "OperationBytes";

    /// <summary>HTTP requests the operation took: 1, plus the SDK's retries, plus each re-send of unprocessed items.</summary>
    public const string OperationAttempts = "OperationAttempts";

    /// <summary>Requests answered with a throttling error (the SDKs' own list of codes) or with unprocessed items.</summary>
    public const string OperationThrottles = "OperationThrottles";

    public const string RequestId = "request_id";
    public const string BatchId = "batch_id";
    public const string Label = "label";

    /// <summary>The operation's place among its invocation's operations, from 0.</summary>
    public const string Sequence = "sequence";

    /// <summary>Milliseconds from the handler's start to the operation's first request: where parallel operations overlap.</summary>
    public const string Offset = "offset_ms";

    /// <summary>The metrics of an operation line, in the order the functions declare them.</summary>
    public static readonly IReadOnlyList<string> OperationMetrics = [OperationLatency, OperationItems, OperationBytes, OperationAttempts, OperationThrottles];
}
