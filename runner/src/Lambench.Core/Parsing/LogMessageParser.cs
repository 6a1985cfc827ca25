using System.Globalization;
using System.Text.Json;
using Lambench.Core.Metrics;

namespace Lambench.Core.Parsing;

/// <summary>
/// Classifies one log message: a text REPORT/INIT_REPORT line, a JSON-format platform event, a tag line written
/// by a function under test, an embedded-metric-format line, another platform line, or anything else.
/// </summary>
public static class LogMessageParser
{
    private static readonly string[] PlatformPrefixes = ["START RequestId:", "END RequestId:", "XRAY TraceId:", "INIT_START ", "RESTORE_START ", "RESTORE_REPORT ", "EXTENSION ", "TELEMETRY "];

    /// <exception cref="LogMessageFormatException">a REPORT line or platform event that cannot be read.</exception>
    public static ParsedLogMessage Parse(ReadOnlySpan<char> message)
    {
        var trimmed = message.Trim();
        if (trimmed.IsEmpty)
        {
            return ParsedLogMessage.Other;
        }

        if (trimmed[0] == '{')
        {
            return ParseJson(trimmed);
        }

        if (ReportLineParser.TryParse(trimmed, out var parsed))
        {
            return parsed;
        }

        foreach (var prefix in PlatformPrefixes)
        {
            if (trimmed.Contains(prefix, StringComparison.Ordinal))
            {
                return ParsedLogMessage.Platform;
            }
        }

        // A tag may follow a runtime's prefix ("[INFO]\t<time>\t<request id>\t{...}").
        if (trimmed.Contains("\"batch_id\"", StringComparison.Ordinal))
        {
            var brace = trimmed.IndexOf('{');
            if (brace >= 0 && TryReadJson(trimmed[brace..], out var root))
            {
                return TryTag(root, inheritedRequestId: null) is { } tag ? new ParsedLogMessage(LogMessageKind.Tag, Tag: tag) : ParsedLogMessage.Other;
            }
        }

        return ParsedLogMessage.Other;
    }

    private static ParsedLogMessage ParseJson(ReadOnlySpan<char> json)
    {
        if (!TryReadJson(json, out var root))
        {
            // A JSON-looking application line that is not JSON: not ours to judge.
            return ParsedLogMessage.Other;
        }

        if (EmbeddedMetricFormat.Claims(root))
        {
            // An EMF line names batch_id too, but is not a tag: its metrics are its point.
            return EmbeddedMetricFormat.TryRead(root, out var document, out var reason)
                ? new ParsedLogMessage(LogMessageKind.Metrics, MetricDocument: document)
                : new ParsedLogMessage(LogMessageKind.Metrics, MetricsRejected: reason);
        }

        var platform = PlatformJsonParser.Parse(root);
        if (platform.Kind != LogMessageKind.Other)
        {
            return platform;
        }

        return TryTag(root, inheritedRequestId: null) is { } tag ? new ParsedLogMessage(LogMessageKind.Tag, Tag: tag) : ParsedLogMessage.Other;
    }

    /// <summary>
    /// A tag is an object with batch_id and a request id, either itself or as the "message" of a JSON-format
    /// application log line, whose "requestId" it then inherits.
    /// </summary>
    private static InvocationTag? TryTag(JsonElement root, string? inheritedRequestId)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var requestId = Text(root, "request_id") ?? Text(root, "requestId") ?? inheritedRequestId;
        if (root.TryGetProperty("batch_id", out _))
        {
            return requestId is null
                ? null
                : new InvocationTag(requestId, Text(root, "batch_id"), Text(root, "label"), Integer(root, "repetition"), Integer(root, "round"));
        }

        if (root.TryGetProperty("message", out var inner))
        {
            if (inner.ValueKind == JsonValueKind.Object)
            {
                return TryTag(inner, requestId);
            }

            if (inner.ValueKind == JsonValueKind.String && inner.GetString() is { } text && text.Contains("\"batch_id\"", StringComparison.Ordinal)
                && text.IndexOf('{', StringComparison.Ordinal) is var brace and >= 0 && TryReadJson(text.AsSpan(brace), out var nested))
            {
                return TryTag(nested, requestId);
            }
        }

        return null;
    }

    private static bool TryReadJson(ReadOnlySpan<char> json, out JsonElement root)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToString());
            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            root = default;
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static int? Integer(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Number when value.TryGetInt32(out var n) => n,
                JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                _ => null,
            }
            : null;
}
