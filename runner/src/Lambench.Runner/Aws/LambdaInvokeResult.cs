namespace Lambench.Runner.Aws;

/// <summary>An Invoke's answer: the request id, the function error ("Unhandled") if any, the payload, and the log tail (LogType=Tail).</summary>
public sealed record LambdaInvokeResult(string RequestId, int StatusCode, string? FunctionError, byte[] Payload, string LogTail);
