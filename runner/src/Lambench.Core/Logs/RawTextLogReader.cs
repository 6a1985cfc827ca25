using System.Runtime.CompilerServices;
namespace Lambench.Core.Logs;

/// <summary>Lambda log text: one event a line (START/END/REPORT/application lines, or JSON-format events).</summary>
public static class RawTextLogReader
{
    /// <summary>Where the message of one raw line begins, after its timestamp and log stream prefix (<see cref="TimestampPrefix"/>).</summary>
    /// <exception cref="LogFormatException">the line holds a NUL byte: the file is binary, not a log.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int MessageStart(ReadOnlySpan<char> line, string path, long lineNumber, out DateTimeOffset? timestamp, out Range logStream)
    {
        if (line.Contains('\0'))
        {
            throw new LogFormatException(path, $"line {lineNumber}", "binary data (NUL byte): not a log file; gzip files must start with the gzip header");
        }

        return TimestampPrefix.Split(line, out timestamp, out logStream);
    }

    /// <param name="linesBefore">lines already read before <paramref name="firstLine"/> (blank ones, skipped), so line numbers stay those of the file.</param>
    public static IEnumerable<LogEntry> Read(TextReader reader, string path, string? firstLine, long linesBefore = 0)
    {
        var lineNumber = linesBefore;
        var line = firstLine ?? reader.ReadLine();
        while (line is not null)
        {
            lineNumber++;
            var start = MessageStart(line, path, lineNumber, out var timestamp, out var stream);
            yield return new LogEntry(line, start, timestamp, null, stream.Equals(default(Range)) ? null : line[stream], lineNumber);
            line = reader.ReadLine();
        }
    }
}
