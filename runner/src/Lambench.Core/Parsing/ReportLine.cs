namespace Lambench.Core.Parsing;

/// <summary>One REPORT line (text or JSON format): its request id and metrics, before any experiment context is attached.</summary>
public readonly record struct ReportLine(string RequestId, ReportMetrics Metrics);
