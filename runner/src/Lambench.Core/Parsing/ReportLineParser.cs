using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Lambench.Core.Records;
using Lambench.Core.Text;

namespace Lambench.Core.Parsing;

/// <summary>
/// Reads Lambda's text-format REPORT and INIT_REPORT lines:
/// <c>REPORT RequestId: id\tDuration: 8.40 ms\tBilled Duration: 9 ms\tMemory Size: 128 MB\tMax Memory Used: 66 MB\t[Init Duration: 130.49 ms]</c>,
/// with the SnapStart Restore fields and <c>Status</c>/<c>Error Type</c>. The grammar: a message that BEGINS with
/// <c>REPORT RequestId: </c> (after the prefixes the readers strip); fields recognised by their labels, in any order,
/// each at most once, separated by tabs or runs of spaces; an X-Ray trailer (<c>XRAY TraceId: … SegmentId: … Sampled: …</c>)
/// on the same line or the next one is not part of it. A message that only mentions REPORT elsewhere is not one.
/// Tab-separated lines take a span fast path; lines whose tabs became spaces (console copies) a slower, tolerant one.
/// </summary>
public static partial class ReportLineParser
{
    private const string ReportPrefix = "REPORT RequestId:";
    private const string InitReportPrefix = "INIT_REPORT ";

    /// <summary>Finds a REPORT or INIT_REPORT line in <paramref name="message"/>; false when there is none.</summary>
    /// <exception cref="LogMessageFormatException">the message is a REPORT line with missing or unreadable fields.</exception>
    public static bool TryParse(ReadOnlySpan<char> message, out ParsedLogMessage parsed)
    {
        message = message.TrimStart();
        if (IsReport(message))
        {
            var metrics = ReadReport(message, out var requestId);
            parsed = new ParsedLogMessage(LogMessageKind.Report, Report: new ReportLine(requestId.ToString(), metrics));
            return true;
        }

        if (message.StartsWith(InitReportPrefix, StringComparison.Ordinal))
        {
            parsed = new ParsedLogMessage(LogMessageKind.InitReport, InitReport: ParseInitReport(WithoutTrailer(message[InitReportPrefix.Length..])));
            return true;
        }

        parsed = default;
        return false;
    }

    /// <summary>
    /// Whether a text REPORT line ends with the last field of an X-Ray trailer on the same line (Sampled), the last thing
    /// Lambda writes on it: such a line cannot have been cut short.
    /// </summary>
    public static bool EndsWithXrayTrailer(ReadOnlySpan<char> message)
    {
        var trimmed = message.TrimEnd();
        return trimmed.Contains("XRAY TraceId:", StringComparison.Ordinal)
            && (trimmed.EndsWith("Sampled: true", StringComparison.Ordinal) || trimmed.EndsWith("Sampled: false", StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="message"/> (without leading blanks) is a REPORT line: it begins with <c>REPORT RequestId:</c>.</summary>
    public static bool IsReport(ReadOnlySpan<char> message) => message.StartsWith(ReportPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Reads a REPORT line (<see cref="IsReport"/> must hold) without allocating: the request id comes back as a slice
    /// of <paramref name="message"/>, for readers that store it as 16 bytes.
    /// </summary>
    /// <exception cref="LogMessageFormatException">missing or unreadable fields.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ReportMetrics ReadReport(ReadOnlySpan<char> message, out ReadOnlySpan<char> requestId) =>
        CanonicalReportLine.TryRead(message[ReportPrefix.Length..], out var metrics, out requestId)
            ? metrics
            : ParseReport(WithoutTrailer(message[ReportPrefix.Length..]), out requestId);

    /// <summary>The line up to an X-Ray trailer (same line or next), without trailing tabs, spaces or line breaks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReadOnlySpan<char> WithoutTrailer(ReadOnlySpan<char> rest)
    {
        var trailer = rest.IndexOf("XRAY TraceId:", StringComparison.Ordinal);
        if (trailer >= 0)
        {
            rest = rest[..trailer];
        }

        var lineBreak = rest.IndexOfAny('\r', '\n');
        if (lineBreak >= 0 && !rest[lineBreak..].IsWhiteSpace())
        {
            throw new LogMessageFormatException($"a REPORT line followed by another line that is not an X-Ray trailer: '{Excerpt.Of(rest[lineBreak..].Trim())}'");
        }

        return rest.TrimEnd();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static ReportMetrics ParseReport(ReadOnlySpan<char> rest, out ReadOnlySpan<char> requestId)
    {
        rest = rest.TrimStart(' ');
        var idEnd = rest.IndexOfAny('\t', ' ');
        var id = (idEnd < 0 ? rest : rest[..idEnd]).Trim();
        if (id.IsEmpty)
        {
            throw new LogMessageFormatException("REPORT line has no RequestId");
        }

        ReportLineRules.CheckRequestId(id);

        var fields = new Fields();
        var body = idEnd < 0 ? ReadOnlySpan<char>.Empty : rest[(idEnd + 1)..];
        if (!TryReadTabSeparated(body, ref fields))
        {
            fields = new Fields();
            ReadSpaceSeparated(body.ToString(), ref fields);
        }

        if (fields.Duration is not { } duration)
        {
            throw new LogMessageFormatException($"REPORT line for {id.ToString()} has no Duration");
        }

        requestId = id;
        return new ReportMetrics(
            duration,
            fields.BilledDuration,
            fields.MemorySize is { } m ? ReportLineRules.MemorySize(m) : null,
            fields.MaxMemoryUsed,
            fields.InitDuration,
            fields.RestoreDuration,
            fields.BilledRestoreDuration,
            fields.Status ?? InvocationStatus.Success,
            fields.ErrorType);
    }

    private static InitReportLine ParseInitReport(ReadOnlySpan<char> rest)
    {
        var fields = new Fields();
        if (!TryReadTabSeparated(rest, ref fields))
        {
            fields = new Fields();
            ReadSpaceSeparated(rest.ToString(), ref fields);
        }

        if (fields.InitDuration is not { } init)
        {
            throw new LogMessageFormatException("INIT_REPORT line has no Init Duration");
        }

        return new InitReportLine(init, fields.Phase, fields.Status ?? InvocationStatus.Success, fields.ErrorType);
    }

    /// <summary>The fast path: "Key: value unit" segments between tabs. False when a segment is not one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryReadTabSeparated(ReadOnlySpan<char> body, ref Fields fields)
    {
        while (!body.IsEmpty)
        {
            var tab = body.IndexOf('\t');
            var segment = (tab < 0 ? body : body[..tab]).Trim();
            body = tab < 0 ? ReadOnlySpan<char>.Empty : body[(tab + 1)..];
            if (segment.IsEmpty)
            {
                continue;
            }

            var colon = segment.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0 || !fields.TrySet(segment[..colon], segment[(colon + 2)..]))
            {
                return false;
            }
        }

        return true;
    }

    private static void ReadSpaceSeparated(string body, ref Fields fields)
    {
        foreach (Match match in SpaceSeparatedField().Matches(body))
        {
            var key = match.Groups["key"].ValueSpan;
            var value = match.Groups["value"].ValueSpan;
            if (!fields.TrySet(key, value))
            {
                throw new LogMessageFormatException(fields.Repeated is { } repeated
                    ? $"'{repeated}' appears twice in a REPORT line"
                    : $"cannot read '{Excerpt.Of(match.Value.Trim())}' in a REPORT line");
            }
        }

        // Text that no label claims (an unknown field, a stray word before the first label) makes the line unreadable.
        var leftover = SpaceSeparatedField().Replace(body, string.Empty).Trim();
        if (leftover.Length > 0)
        {
            throw new LogMessageFormatException($"cannot read '{Excerpt.Of(leftover)}' in a REPORT line");
        }
    }

    // Longest keys first so "Billed Duration" is never read as "Duration".
    [GeneratedRegex(@"(?<key>Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Duration|Memory Size|Max Memory Used|Status|Error Type|Phase): (?<value>\S.*?)(?=\s+(?:Billed Restore Duration|Restore Duration|Billed Duration|Init Duration|Duration|Memory Size|Max Memory Used|Status|Error Type|Phase):|\s*$)")]
    private static partial Regex SpaceSeparatedField();

    private struct Fields
    {
        public double? Duration, BilledDuration, MemorySize, MaxMemoryUsed, InitDuration, RestoreDuration, BilledRestoreDuration;
        public string? Status, ErrorType, Phase;

        /// <summary>The label of a field given twice (Lambda writes each once): the line is refused, not the last kept.</summary>
        public string? Repeated;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TrySet(ReadOnlySpan<char> key, ReadOnlySpan<char> value)
        {
            if (IsSet(key))
            {
                Repeated = key.ToString();
                return false;
            }

            switch (key)
            {
                case "Duration": return TryNumber(value, "ms", out Duration);
                case "Billed Duration": return TryWholeNumber(value, "ms", out BilledDuration);
                case "Memory Size": return TryWholeNumber(value, "MB", out MemorySize);
                case "Max Memory Used": return TryWholeNumber(value, "MB", out MaxMemoryUsed);
                case "Init Duration": return TryNumber(value, "ms", out InitDuration);
                case "Restore Duration": return TryNumber(value, "ms", out RestoreDuration);
                case "Billed Restore Duration": return TryNumber(value, "ms", out BilledRestoreDuration);
                case "Status":
                    var known = InvocationStatus.TryNormalise(value, out var status);
                    Status = known ? status : value.Trim().ToString();
                    return known;
                // Free text, but never "label: value" again: that is a line whose tabs became spaces (the tolerant path).
                case "Error Type":
                    ErrorType = value.Trim().ToString();
                    return !value.Contains(": ", StringComparison.Ordinal);
                case "Phase":
                    Phase = value.Trim().ToString();
                    return !value.Contains(": ", StringComparison.Ordinal);
                default:
                    return false;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly bool IsSet(ReadOnlySpan<char> key) => key switch
        {
            "Duration" => Duration is not null,
            "Billed Duration" => BilledDuration is not null,
            "Memory Size" => MemorySize is not null,
            "Max Memory Used" => MaxMemoryUsed is not null,
            "Init Duration" => InitDuration is not null,
            "Restore Duration" => RestoreDuration is not null,
            "Billed Restore Duration" => BilledRestoreDuration is not null,
            "Status" => Status is not null,
            "Error Type" => ErrorType is not null,
            "Phase" => Phase is not null,
            _ => false,
        };

        /// <summary>A field Lambda writes as a whole number, without a point: "8.0 MB" is a damaged "820 MB".</summary>
        private static bool TryWholeNumber(ReadOnlySpan<char> value, string unit, out double? result)
        {
            result = null;
            return !value.Contains('.') && TryNumber(value, unit, out result);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool TryNumber(ReadOnlySpan<char> value, string unit, out double? result)
        {
            // The unit is required: Lambda always writes it, and a line cut inside a number ("Max Memory Used: 6" of 66 MB)
            // loses it. The number follows the one space after the colon: "Duration: \t4.13 ms" is a damaged "34.13".
            // Between number and unit, one space: "4\t MB" is a damaged "46 MB".
            value = value.TrimEnd();
            if (!value.EndsWith(unit, StringComparison.Ordinal) || value.Length <= unit.Length || value[^(unit.Length + 1)] != ' ')
            {
                result = null;
                return false;
            }

            value = value[..^(unit.Length + 1)];
            if (PlainDecimal.TryParseLambda(value, out var plain))
            {
                result = plain;
                return true;
            }

            result = null;
            return false;
        }
    }
}
