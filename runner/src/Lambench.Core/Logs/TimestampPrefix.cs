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
        return TryParseIso(text, out timestamp)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out timestamp);
    }

    /// <summary>
    /// The shapes logs use, read digit by digit (DateTimeOffset.TryParse costs half a microsecond a line):
    /// yyyy-MM-dd(T| )HH:mm:ss[.f…][Z|±hh:mm]; no zone means UTC. Anything else is left to the general parser.
    /// </summary>
    internal static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ') || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long ticks = 0;
        if (position < s.Length && s[position] == '.')
        {
            position++;
            var digits = 0;
            while (position < s.Length && char.IsAsciiDigit(s[position]))
            {
                if (digits < 7)
                {
                    ticks = ticks * 10 + (s[position] - '0');
                }

                digits++;
                position++;
            }

            if (digits == 0)
            {
                return false;
            }

            for (var d = Math.Min(digits, 7); d < 7; d++)
            {
                ticks *= 10;
            }
        }

        var offset = TimeSpan.Zero;
        if (position < s.Length)
        {
            var zone = s[position..];
            if (zone is "Z" or "z")
            {
            }
            else if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':' && Digits(zone, 1, 2, out var oh) && Digits(zone, 4, 2, out var om) && oh <= 14 && om <= 59)
            {
                offset = new TimeSpan(oh, om, 0) * (zone[0] == '-' ? -1 : 1);
            }
            else
            {
                return false;
            }
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        timestamp = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = value * 10 + (s[i] - '0');
        }

        return true;
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
