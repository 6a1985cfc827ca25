namespace Lambench.Core.Logs;

public enum LogFormat
{
    /// <summary>Lambda log text, one event a line, optionally behind a timestamp (text or JSON log format).</summary>
    RawText,
    /// <summary>A CloudWatch Logs Insights CSV export (<c>@timestamp,@message</c> and any parsed columns).</summary>
    InsightsCsv,
    /// <summary>What <c>aws logs filter-log-events</c> or <c>get-log-events</c> print: <c>{"events":[…]}</c> (or the bare array).</summary>
    CloudWatchEventsJson,
}
