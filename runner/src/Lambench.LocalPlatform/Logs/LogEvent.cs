namespace Lambench.LocalPlatform.Logs;

/// <summary>One CloudWatch Logs event: times in ms since the Unix epoch; Sequence orders events of equal time.</summary>
public sealed record LogEvent(string StreamName, long TimestampMs, string Message, long IngestionTimeMs, long Sequence)
{
    public string EventId => Sequence.ToString("D20", System.Globalization.CultureInfo.InvariantCulture);
}
