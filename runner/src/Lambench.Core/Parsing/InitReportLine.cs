namespace Lambench.Core.Parsing;

/// <summary>An INIT_REPORT line: an init phase that failed or timed out. It carries no request id, so it is counted, not made a row.</summary>
public readonly record struct InitReportLine(double InitDurationMs, string? Phase, string Status, string? ErrorType);
