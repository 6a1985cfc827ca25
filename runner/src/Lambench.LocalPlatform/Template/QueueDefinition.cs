namespace Lambench.LocalPlatform.Template;

/// <summary>An AWS::SQS::Queue: its name, visibility timeout and redrive policy.</summary>
public sealed record QueueDefinition(string LogicalId, string QueueName, int VisibilityTimeoutSeconds, string? DeadLetterQueueLogicalId, int? MaxReceiveCount);
