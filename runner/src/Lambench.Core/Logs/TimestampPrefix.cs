using System.Runtime.CompilerServices;
using System.Globalization;

namespace Lambench.Core.Logs;

/// <summary>
/// Splits the optional prefix of a raw log line, in the shapes tools print:
/// an ISO-8601 timestamp, then optionally a log stream name, as <c>aws logs tail</c> does
/// (<c>2024-06-01T12:00:00.000000+00:00 2024/06/01/[$LATEST]abc… message</c>);
/// the log stream first, as <c>sam logs</c> does (<c>2023/07/05/[56]374c… 2023-07-05T10:16:34.013000 message</c>);
/// a timestamp glued to a bracketed function name, as <c>pulumi logs</c> does (<c>2020-12-02T09:58:39.747+01:00[  name] message</c>);
/// or a bare clock time (<c>16:36:11 message</c>), whose date is unknown, so no timestamp is kept.
/// </summary>
public static class TimestampPrefix
{
    /// <summary>Where the message begins in <paramref name="line"/>; the log stream as a range of it (default when none), so nothing is allocated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Split(ReadOnlySpan<char> line, out DateTimeOffset? timestamp, out Range logStream)
    {
        timestamp = null;
        logStream = default;
        if (line.Length >= 9 && IsClockTime(line[..8]) && line[8] == ' ')
        {
            return SkipBlanks(line, 8);
        }

        int start;
        if (LooksLikeStream(line, 0, out var streamEnd))
        {
            // sam logs: stream, then the timestamp.
            var afterStream = SkipBlanks(line, streamEnd);
            var end = line[afterStream..].IndexOfAny(' ', '\t');
            if (end > 0 && TryParse(line.Slice(afterStream, end), out var samTime))
            {
                logStream = ..streamEnd;
                timestamp = samTime;
                return SkipBlanks(line, afterStream + end);
            }

            return 0;
        }

        if (line.Length < 20 || !char.IsAsciiDigit(line[0]) || line[4] != '-')
        {
            return 0;
        }

        var stop = line.IndexOfAny(' ', '\t', '[');
        if (stop < 0 || !TryParse(line[..stop], out var parsed))
        {
            return 0;
        }

        timestamp = parsed;
        if (line[stop] == '[')
        {
            // pulumi logs: the function's name in brackets right after the timestamp.
            var close = line[stop..].IndexOf(']');
            return close < 0 ? 0 : SkipBlanks(line, stop + close + 1);
        }

        start = SkipBlanks(line, stop);
        if (LooksLikeStream(line, start, out var afterName))
        {
            logStream = start..afterName;
            start = SkipBlanks(line, afterName);
        }

        return start;
    }

    /// <summary>A log stream name at <paramref name="start"/>: one word holding a '/' and a ']' (2024/06/01/[$LATEST]abc).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool LooksLikeStream(ReadOnlySpan<char> line, int start, out int end)
    {
        var next = line[start..].IndexOfAny(' ', '\t');
        end = next < 0 ? line.Length : start + next;
        var word = line[start..end];
        return next > 0 && word.Length > 12 && char.IsAsciiDigit(word[0]) && word[4] == '/' && word.Contains(']');
    }

    private static bool IsClockTime(ReadOnlySpan<char> s) =>
        char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[1]) && s[2] == ':' && char.IsAsciiDigit(s[3]) && char.IsAsciiDigit(s[4])
        && s[5] == ':' && char.IsAsciiDigit(s[6]) && char.IsAsciiDigit(s[7]);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    private static int SkipBlanks(ReadOnlySpan<char> line, int from)
    {
        while (from < line.Length && (line[from] == ' ' || line[from] == '\t'))
        {
            from++;
        }

        return from;
    }
}
