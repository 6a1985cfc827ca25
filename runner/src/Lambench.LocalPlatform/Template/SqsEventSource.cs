namespace Lambench.LocalPlatform.Template;

/// <summary>An SQS event of a function: the queue, the batch size and ScalingConfig.MaximumConcurrency.</summary>
public sealed record SqsEventSource(string QueueLogicalId, int BatchSize, int? MaximumConcurrency);
