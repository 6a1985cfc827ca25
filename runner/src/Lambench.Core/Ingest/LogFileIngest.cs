using System.Runtime.CompilerServices;
using Lambench.Core.Columns;
using Lambench.Core.Cost;
using Lambench.Core.Logs;
using Lambench.Core.Parsing;
using Lambench.Core.Records;
using Lambench.Core.Text;

namespace Lambench.Core.Ingest;

/// <summary>
/// One file's share of an ingest: its REPORT rows as columns (with the line each came from, for conflict messages),
/// its tag lines, its rejected lines and its counts. Plain text (most logs, gzip or not) is read a line at a time
/// from one reused buffer, and a REPORT line's fields and request id are read from that buffer in place, so a line
/// costs no allocation; the other formats go through their readers, one <see cref="LogEntry"/> an event.
/// </summary>
internal sealed class LogFileIngest
{
    private readonly IngestOptions _options;
    private readonly InitBillingRule? _initBilling;
    private readonly bool _runtimeAlwaysBilled;
    private readonly IProgress<long>? _progress;
    private string? _lastLogGroup;
    private int _lastSource = -1;
    private long _recognised, _firstContentLine, _lastRowLine = -1;

    private LogFileIngest(string path, IngestOptions options, IProgress<long>? progress, InvocationColumns rows)
    {
        Path = path;
        _options = options;
        _initBilling = options.InitBilling ?? IngestOptions.ShippedInitBilling.Value;
        _runtimeAlwaysBilled = _initBilling?.IsAlwaysBilled(options.Runtime) == true;
        _progress = progress;
        Rows = rows;
    }

    public string Path { get; }

    public InvocationColumns Rows { get; }

    /// <summary>Where row i was read: its line number, or for container formats a location (<see cref="Locations"/>).</summary>
    public ColumnBuffer<long> Lines { get; } = new();

    public Dictionary<int, string> Locations { get; } = [];

    public List<InvocationTag> Tags { get; } = [];

    /// <summary>The DynamoDB operations the functions logged as embedded metric lines.</summary>
    public List<OperationRecord> Operations { get; } = [];

    /// <summary>Embedded metric lines read (valid or not), and those CloudWatch would extract nothing from.</summary>
    public long MetricLines { get; private set; }

    public long InvalidMetricLines { get; private set; }

    public List<RejectedLine> Rejected { get; } = [];

    public long Entries { get; private set; }

    public long InitReports { get; private set; }

    public string Where(int row) => Locations.TryGetValue(row, out var location) ? location : $"line {Lines[row]}";

    /// <param name="rows">where the rows go (a window of columns shared with other files, say).</param>
    /// <exception cref="LogFormatException">the file cannot be read, is no supported format, or (strict) holds an unreadable REPORT line.</exception>
    public static LogFileIngest Read(string path, IngestOptions options, IProgress<long>? progress, InvocationColumns rows)
    {
        var file = new LogFileIngest(path, options, progress, rows);
        try
        {
            if (!file.TryReadPlainText())
            {
                file.ReadEntries();
            }
        }
        catch (LogInputException e)
        {
            throw new LogFormatException(path, e.Where, e.Reason, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogFormatException(path, "file", e.Message, e);
        }

        if (file._recognised == 0 && file._firstContentLine > 0)
        {
            throw new LogFormatException(path, $"line {file._firstContentLine}", "no Lambda log lines found: expected REPORT lines (text or JSON log format), a Logs Insights CSV export with @message, or the JSON of aws logs filter-log-events / get-log-events");
        }

        progress?.Report(file.Entries);
        return file;
    }

    /// <summary>
    /// Reads the file through its format's reader, one entry behind, so that the last one is judged knowing whether
    /// the file ends inside it.
    /// </summary>
    private void ReadEntries()
    {
        var end = new LogFileEnd();
        LogEntry? previous = null;
        foreach (var entry in LogFileReader.Read(Path, end))
        {
            if (previous is { } held)
            {
                Accept(held.Message, held.Timestamp, held.LogGroup, held.LineNumber, held.Location, Ending.Whole);
            }

            previous = entry;
        }

        if (previous is { } last)
        {
            var ending = !end.LastLineUnterminated ? Ending.Whole
                : end.Format == LogFormat.InsightsCsv ? (end.EndsWithQuote ? Ending.Whole : Ending.CutCsvRow)
                : Ending.Unterminated;
            Accept(last.Message, last.Timestamp, last.LogGroup, last.LineNumber, last.Location, ending);
        }
    }

    /// <summary>Reads the file as plain text lines; false (nothing read) when it is another format.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryReadPlainText()
    {
        if (!File.Exists(Path))
        {
            return false; // the general reader says "no such file"
        }

        using var reader = Utf8LineReader.TryOpen(Path);
        if (reader is null)
        {
            return false;
        }

        long lineNumber = 0;
        ReadOnlySpan<char> line;
        do
        {
            if (!reader.TryReadLine(out line))
            {
                return true; // empty, or blank lines only
            }

            lineNumber++;
        }
        while (line.IsWhiteSpace());

        if (LogFileReader.Detect(line.ToString()) != LogFormat.RawText)
        {
            return false;
        }

        // Room for every line to be a REPORT line: reserved, not touched, so an overestimate costs no memory.
        var estimate = reader.EstimatedRows;
        Rows.Reserve(estimate);
        Lines.Reserve(estimate);

        do
        {
            var start = RawTextLogReader.MessageStart(line, Path, lineNumber, out var timestamp, out _);
            if (start == 0 && _lastRowLine == lineNumber - 1 && EntryEnding.ContinuesReport(line))
            {
                RejectLastRow(lineNumber - 1, line);
            }

            Accept(line[start..], timestamp, null, lineNumber, null, reader.LineWasTerminated ? Ending.Whole : Ending.Unterminated);
            lineNumber++;
        }
        while (reader.TryReadLine(out line));

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Accept(ReadOnlySpan<char> message, DateTimeOffset? timestamp, string? logGroup, long lineNumber, string? location, Ending ending)
    {
        Entries++;
        if ((Entries & 0x3FFFF) == 0)
        {
            _progress?.Report(Entries);
        }

        ParsedLogMessage parsed;
        try
        {
            var trimmed = message.Trim();
            if (ReportLineParser.IsReport(trimmed))
            {
                // The common case, read in place: the id stays a span of the line until the columns store it. A line
                // cut short is said to be so before any of its fields is judged.
                EntryEnding.Check(message, ending, isReport: true);
                var metrics = ReportLineParser.ReadReport(trimmed, out var requestId);
                AddRow(requestId, metrics, timestamp, logGroup, lineNumber, location);
                _recognised++;
                return;
            }

            parsed = LogMessageParser.Parse(message);
            EntryEnding.Check(message, ending, parsed.Kind == LogMessageKind.Report);
            if (parsed.Kind == LogMessageKind.Report)
            {
                AddRow(parsed.Report.RequestId, parsed.Report.Metrics, parsed.Timestamp ?? timestamp, logGroup, lineNumber, location);
            }
        }
        catch (LogMessageFormatException e) when (!_options.Strict)
        {
            Rejected.Add(new RejectedLine(Path, location ?? $"line {lineNumber}", e.Message, Excerpt.Of(message.Trim())));
            _recognised++;
            return;
        }
        catch (LogMessageFormatException e)
        {
            throw new LogFormatException(Path, location ?? $"line {lineNumber}", e.Message, e);
        }

        switch (parsed.Kind)
        {
            case LogMessageKind.Other:
                if (_firstContentLine == 0 && !message.IsWhiteSpace())
                {
                    _firstContentLine = lineNumber;
                }

                return;
            case LogMessageKind.InitReport:
                InitReports++;
                break;
            case LogMessageKind.Tag:
                Tags.Add(parsed.Tag!);
                break;
            case LogMessageKind.Metrics:
                MetricLines++;
                if (parsed.MetricDocument is null)
                {
                    InvalidMetricLines++;
                }
                else if (OperationRecord.From(parsed.MetricDocument, Configuration(logGroup)) is { } operation)
                {
                    Operations.Add(operation);
                }

                break;
        }

        _recognised++;
    }

    /// <exception cref="LogMessageFormatException">metrics Lambda cannot have written (<see cref="ReportLineRules"/>).</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddRow(ReadOnlySpan<char> requestId, in ReportMetrics metrics, DateTimeOffset? timestamp, string? logGroup, long lineNumber, string? location)
    {
        var initBilled = metrics.InitDurationMs is not null && _initBilling is not null
            && (_runtimeAlwaysBilled || (timestamp is { } t && _initBilling.IsKnownInitBilled(null, DateOnly.FromDateTime(t.UtcDateTime))));
        if (ReportLineRules.Violation(metrics, initBilled) is { } violation)
        {
            throw new LogMessageFormatException(violation);
        }

        if (location is not null)
        {
            Locations[Rows.Count] = location;
        }

        Rows.Append(requestId, Source(logGroup), timestamp, metrics);
        Lines.Add(lineNumber);
        _lastRowLine = lineNumber;
    }

    /// <summary>The row just read from line <paramref name="lineNumber"/> is no row: the next line continues it (<see cref="EntryEnding.ContinuesReport"/>).</summary>
    private void RejectLastRow(long lineNumber, ReadOnlySpan<char> continuation)
    {
        const string Reason = "this REPORT line goes on in the next line (a line break where a tab was: a damaged copy), so it is not whole";
        if (_options.Strict)
        {
            throw new LogFormatException(Path, $"line {lineNumber}", Reason);
        }

        Rows.RemoveLast();
        Lines.RemoveLast();
        Rejected.Add(new RejectedLine(Path, $"line {lineNumber}", Reason, Excerpt.Of(continuation)));
        _lastRowLine = -1;
    }

    /// <summary>The configuration is the user's, else the log group's (Insights exports hold several), else the file name's.</summary>
    private int Source(string? logGroup)
    {
        // Consecutive rows nearly always share their log group (a plain-text file has none): the last answer is kept,
        // and the columns themselves store each distinct source once.
        if (_lastSource < 0 || logGroup != _lastLogGroup)
        {
            _lastLogGroup = logGroup;
            _lastSource = Rows.AddSource(new InvocationSource(
                Configuration(logGroup),
                _options.FunctionName ?? FunctionNameFromLogGroup(logGroup),
                _options.Runtime,
                _options.Architecture,
                Vocabulary.VocabularyNames.Name(_options.Platform)));
        }

        return _lastSource;
    }

    private string Configuration(string? logGroup) => _options.Configuration ?? logGroup ?? LogIngestor.ConfigurationFromFileName(Path);

    private const string LambdaLogGroupPrefix = "/aws/lambda/";

    private static string? FunctionNameFromLogGroup(string? logGroup) =>
        logGroup is not null && logGroup.StartsWith(LambdaLogGroupPrefix, StringComparison.Ordinal) ? logGroup[LambdaLogGroupPrefix.Length..] : null;
}
