namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// What an invocation returned to its caller: the payload (the function's response or error document), the function
/// error kind ("Unhandled") if any, the request id, and the tail of its log lines (for LogType=Tail).
/// </summary>
public sealed record InvocationOutcome(string RequestId, byte[] Payload, string? FunctionError, string LogTail, string Status);
