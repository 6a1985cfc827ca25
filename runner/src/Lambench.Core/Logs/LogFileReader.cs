using System.Text;

namespace Lambench.Core.Logs;

/// <summary>Opens a log file of any supported format (gzip or not, with or without a BOM, LF or CRLF) and reads its events.</summary>
public static class LogFileReader
{
    /// <param name="end">filled in once the entries have all been read: the format, and how the file ends.</param>
    /// <exception cref="LogFormatException">no such file.</exception>
    /// <exception cref="LogInputException">damaged gzip data, a line too long, or a gzip that expands too far (the caller adds the path).</exception>
    public static IEnumerable<LogEntry> Read(string path, LogFileEnd? end = null)
    {
        if (!File.Exists(path))
        {
            throw new LogFormatException(path, "file", Directory.Exists(path) ? "a directory, not a log file (name its files, or a wildcard such as dir/*.log)" : "no such file");
        }

        using var stream = LogInputStream.Open(path);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var first = reader.ReadLine();
        long blankLines = 0;
        while (first is not null && string.IsNullOrWhiteSpace(first))
        {
            first = reader.ReadLine();
            blankLines++;
        }

        if (first is null)
        {
            yield break;
        }

        var format = Detect(first);
        IEnumerable<LogEntry> entries = format switch
        {
            LogFormat.InsightsCsv => InsightsCsvLogReader.Read(new PrependedLineReader(first, reader), path),
            LogFormat.CloudWatchEventsJson => CloudWatchEventsJsonLogReader.Read(LogInputStream.Open(path, checkLines: false), path),
            _ => RawTextLogReader.Read(reader, path, first, blankLines),
        };
        foreach (var entry in entries)
        {
            yield return entry;
        }

        if (end is not null)
        {
            end.Format = format;
            end.LastLineUnterminated = format != LogFormat.CloudWatchEventsJson && !stream.EndsWithLineBreak;
            end.EndsWithQuote = stream.LastByte == (byte)'"';
        }
    }

    public static LogFormat Detect(string firstLine)
    {
        var trimmed = firstLine.TrimStart();
        if (trimmed.StartsWith('['))
        {
            return LogFormat.CloudWatchEventsJson;
        }

        // JSON log format lines are one object a line, each with "type" or "time"; a CLI document opens with a bare "{".
        if (trimmed.StartsWith('{') && (trimmed.TrimEnd() == "{" || trimmed.Contains("\"events\"", StringComparison.Ordinal)))
        {
            return LogFormat.CloudWatchEventsJson;
        }

        return InsightsCsvLogReader.LooksLikeHeader(firstLine) ? LogFormat.InsightsCsv : LogFormat.RawText;
    }

    /// <summary>Gives back the line consumed for format detection before the rest of the reader.</summary>
    private sealed class PrependedLineReader(string first, TextReader rest) : TextReader
    {
        private StringReader? _first = new(first + "\n");

        public override int Read()
        {
            if (_first is not null)
            {
                var c = _first.Read();
                if (c >= 0)
                {
                    return c;
                }

                _first = null;
            }

            return rest.Read();
        }

        public override int Peek() => _first is not null && _first.Peek() >= 0 ? _first.Peek() : rest.Peek();

        public override int Read(char[] buffer, int index, int count)
        {
            if (_first is not null)
            {
                var n = _first.Read(buffer, index, count);
                if (n > 0)
                {
                    return n;
                }

                _first = null;
            }

            return rest.Read(buffer, index, count);
        }
    }
}
