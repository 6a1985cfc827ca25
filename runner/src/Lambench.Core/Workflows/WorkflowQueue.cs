namespace Lambench.Core.Workflows;

/// <summary>An SQS standard queue: messages per execution, their size, and requests per message (send, receive, delete: 3).</summary>
public sealed record WorkflowQueue(string Name, double MessagesPerExecution, long MessageBytes, double RequestsPerMessage);
