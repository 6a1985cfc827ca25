namespace Lambench.Core.Workflows;

/// <summary>An S3 Standard bucket: what it holds on average over the month, and writes and reads per execution.</summary>
public sealed record WorkflowBucket(string Name, double StoredGb, double WritesPerExecution, double ReadsPerExecution);
