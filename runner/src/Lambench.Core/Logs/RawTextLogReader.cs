namespace Lambench.Core.Logs;

/// <summary>Lambda log text: one event a line (START/END/REPORT/application lines, or JSON-format events).</summary>
public static class RawTextLogReader
{
    internal const string BinaryData = "binary data (NUL byte): not a log file; gzip files must start with the gzip header";

    /// <param name="linesBefore">lines already read before <paramref name="firstLine"/> (blank ones, skipped), so line numbers stay those of the file.</param>
    public static IEnumerable<LogEntry> Read(TextReader reader, string path, string? firstLine, long linesBefore = 0)
    {
        var lineNumber = linesBefore;
        var line = firstLine ?? reader.ReadLine();
        while (line is not null)
        {
            lineNumber++;
            if (line.Contains('\0', StringComparison.Ordinal))
            {
                throw new LogFormatException(path, $"line {lineNumber}", BinaryData);
            }

            var start = TimestampPrefix.Split(line, out var timestamp, out var stream);
            yield return new LogEntry(line, start, timestamp, null, stream, lineNumber);
            line = reader.ReadLine();
        }
    }
}
