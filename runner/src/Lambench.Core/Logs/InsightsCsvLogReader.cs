using System.Globalization;
using System.Text;
using CsvHelper;

namespace Lambench.Core.Logs;

/// <summary>
/// A CloudWatch Logs Insights CSV export, or the console's download of log events (columns timestamp, message; the
/// timestamp in epoch milliseconds). With <c>@message</c> each row's message is read as a log line; without it,
/// the parsed REPORT fields (<c>@requestId, @duration, @billedDuration, @memorySize, @maxMemoryUsed, @initDuration</c>)
/// are read, memory in bytes as Insights gives it (10^6 bytes a MB, as AWS's operator guide divides).
/// </summary>
public static class InsightsCsvLogReader
{
    private const double BytesPerMegabyte = 1_000_000;

    private static readonly string[] ParsedFields = ["@requestId", "@duration", "@billedDuration", "@memorySize", "@maxMemoryUsed", "@initDuration"];

    public static bool LooksLikeHeader(string firstLine) =>
        firstLine.Contains("@message", StringComparison.Ordinal)
        || (firstLine.Contains("@requestId", StringComparison.Ordinal) && firstLine.Contains("@duration", StringComparison.Ordinal))
        || firstLine.Trim().Replace("\"", string.Empty, StringComparison.Ordinal) is "timestamp,message" or "message,timestamp";

    public static IEnumerable<LogEntry> Read(TextReader reader, string path)
    {
        var options = new CsvReaderOptions
        {
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Throw,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        try
        {
            csv.ReadHeader();
        }
        catch (Exception e) when (e is CsvFormatException or CsvValidationException)
        {
            throw new LogFormatException(path, "line 1", $"malformed CSV header: {e.Message}", e);
        }

        var header = csv.Headers.ToArray();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = header.Length - 1; i >= 0; i--)
        {
            columns[header[i].Trim()] = i; // the first of duplicate names wins
        }

        int Column(string name) => columns.TryGetValue(name, out var index) ? index : -1;
        var message = Column("@message") is >= 0 and var insightsMessage ? insightsMessage : Column("message");
        var timestamp = Column("@timestamp") is >= 0 and var insightsTime ? insightsTime : Column("timestamp");
        var log = Column("@log");
        var stream = Column("@logStream");
        var requestId = Column("@requestId");
        var duration = Column("@duration");
        if (message < 0 && (requestId < 0 || duration < 0))
        {
            throw new LogFormatException(path, "line 1", "a Logs Insights export needs an @message column, or @requestId and @duration");
        }

        // Without @initDuration every cold start would read as warm, without the others costs as unknown: the query
        // that made the export must list them all (a warm row leaves @initDuration empty).
        if (message < 0 && ParsedFields.FirstOrDefault(f => Column(f) < 0) is { } missing)
        {
            throw new LogFormatException(path, "line 1", $"a Logs Insights export of parsed fields needs every one of {string.Join(", ", ParsedFields)}; {missing} is missing: add it to the query's fields, or export @message");
        }

        while (ReadRow(csv, path))
        {
            var line = csv.LineNumber;
            string? Field(int index) => index >= 0 && index < csv.FieldCount ? csv.GetString(index) : null;
            DateTimeOffset? time = null;
            if (Field(timestamp) is { Length: > 0 } t)
            {
                time = TimestampPrefix.TryParse(t, out var parsed) ? parsed
                    : long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms < 253_402_300_800_000 ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                    : throw new LogFormatException(path, $"line {line}", $"timestamp '{t}' is not a date and time");
            }

            var logGroup = LogGroupOf(Field(log));
            var text = message >= 0 ? Field(message) ?? string.Empty : ReportFromFields(Field, Column, path, line);
            yield return new LogEntry(text, 0, time, logGroup, Field(stream), line);
        }
    }

    private static bool ReadRow(CsvReader csv, string path)
    {
        try
        {
            return csv.Read();
        }
        catch (Exception e) when (e is CsvFormatException or CsvValidationException)
        {
            throw new LogFormatException(path, $"line {csv.LineNumber}", $"malformed CSV: {e.Message}", e);
        }
    }

    /// <summary>Insights writes @log as "123456789012:/aws/lambda/name".</summary>
    private static string? LogGroupOf(string? log)
    {
        if (string.IsNullOrWhiteSpace(log))
        {
            return null;
        }

        var colon = log.IndexOf(':', StringComparison.Ordinal);
        return colon >= 0 && log[..colon].All(char.IsAsciiDigit) ? log[(colon + 1)..] : log;
    }

    /// <summary>Rebuilds the REPORT line from parsed columns so one parser reads every format.</summary>
    private static string ReportFromFields(Func<int, string?> field, Func<string, int> column, string path, long line)
    {
        string? Value(string name) => field(column(name)) is { Length: > 0 } v ? v : null;

        double? Number(string name)
        {
            var text = Value(name);
            if (text is null)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new LogFormatException(path, $"line {line}", $"{name} '{text}' is not a number");
        }

        var id = Value("@requestId");
        if (Value("@type") is { } type && !string.Equals(type, "REPORT", StringComparison.OrdinalIgnoreCase))
        {
            return string.Empty;
        }

        if (id is null)
        {
            return string.Empty;
        }

        var report = new StringBuilder("REPORT RequestId: ").Append(id);
        void Append(string key, double? value, string unit)
        {
            if (value is { } v)
            {
                report.Append('\t').Append(key).Append(": ").Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(' ').Append(unit);
            }
        }

        Append("Duration", Number("@duration"), "ms");
        Append("Billed Duration", Number("@billedDuration"), "ms");
        Append("Memory Size", Number("@memorySize") / BytesPerMegabyte, "MB");
        Append("Max Memory Used", Number("@maxMemoryUsed") / BytesPerMegabyte, "MB");
        Append("Init Duration", Number("@initDuration"), "ms");
        return report.ToString();
    }
}
