namespace Lambench.Core.Workflows;

/// <summary>A DynamoDB on-demand table: item writes and eventually consistent reads per execution, and the item size.</summary>
public sealed record WorkflowTable(string Name, double WritesPerExecution, double ReadsPerExecution, long ItemBytes);
