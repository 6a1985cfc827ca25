using System.Globalization;

namespace Lambench.Core.Logs;

/// <summary>
/// Splits the optional prefix of a raw log line: an ISO-8601 timestamp, and after it, as <c>aws logs tail</c> prints,
/// a log stream name (<c>2024/06/01/[$LATEST]abc…</c>).
/// </summary>
public static class TimestampPrefix
{
    public static int Split(string line, out DateTimeOffset? timestamp, out string? logStream)
    {
        timestamp = null;
        logStream = null;
        if (line.Length < 20 || !char.IsAsciiDigit(line[0]) || line[4] != '-')
        {
            return 0;
        }

        var end = line.AsSpan().IndexOfAny(' ', '\t');
        if (end < 0 || !TryParse(line.AsSpan(0, end), out var parsed))
        {
            return 0;
        }

        timestamp = parsed;
        var start = SkipBlanks(line, end);
        var next = line.AsSpan(start).IndexOfAny(' ', '\t');
        if (next > 0 && line.AsSpan(start, next).Contains("]", StringComparison.Ordinal) && line.AsSpan(start, next).Contains('/'))
        {
            logStream = line.Substring(start, next);
            start = SkipBlanks(line, start + next);
        }

        return start;
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        // Logs Insights writes "2024-06-01 12:00:00.000" in UTC; Lambda and the CLI write ISO 8601 with Z or an offset.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp);
    }

    private static int SkipBlanks(string line, int from)
    {
        while (from < line.Length && (line[from] == ' ' || line[from] == '\t'))
        {
            from++;
        }

        return from;
    }
}
