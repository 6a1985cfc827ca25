using System.Text.Json;

namespace Lambench.Core.Logs;

/// <summary>
/// The JSON that <c>aws logs filter-log-events</c> and <c>get-log-events</c> print (<c>{"events":[{"timestamp":ms,"message":…}]}</c>),
/// or the bare events array (<c>--query events</c>).
/// </summary>
public static class CloudWatchEventsJsonLogReader
{
    /// <param name="stream">read whole and disposed: the document is parsed from the start of the file.</param>
    public static IEnumerable<LogEntry> Read(Stream stream, string path)
    {
        JsonDocument document;
        try
        {
            using (stream)
            {
                document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
            }
        }
        catch (JsonException e)
        {
            throw new LogFormatException(path, $"line {(e.LineNumber ?? 0) + 1}", $"not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement events;
            if (root.ValueKind == JsonValueKind.Array)
            {
                events = root;
            }
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out events) && events.ValueKind == JsonValueKind.Array)
            {
            }
            else
            {
                throw new LogFormatException(path, "line 1", "JSON without an \"events\" array: expected the output of aws logs filter-log-events or get-log-events");
            }

            var index = 0;
            foreach (var e in events.EnumerateArray())
            {
                var where = $"events[{index}]";
                if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.String)
                {
                    throw new LogFormatException(path, where, "event without a \"message\" string");
                }

                DateTimeOffset? time = null;
                if (e.TryGetProperty("timestamp", out var ts) && ts.ValueKind == JsonValueKind.Number)
                {
                    time = ts.TryGetInt64(out var ms) && ms is >= 0 and < 253_402_300_800_000
                        ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                        : throw new LogFormatException(path, where, $"timestamp {Text.Excerpt.Of(ts.GetRawText())} is not a time in milliseconds since 1970");
                }

                string text;
                string? streamName;
                try
                {
                    text = message.GetString()!;
                    streamName = e.TryGetProperty("logStreamName", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                }
                catch (InvalidOperationException error)
                {
                    // System.Text.Json checks UTF-8 only when a string is read out of the document.
                    throw new LogFormatException(path, where, "a string that is not valid UTF-8: the export is damaged, or was re-encoded", error);
                }

                index++;
                yield return new LogEntry(text, 0, time, null, streamName, index, where);
            }
        }
    }
}
