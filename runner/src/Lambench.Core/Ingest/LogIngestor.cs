using Lambench.Core.Logs;
using Lambench.Core.Parsing;
using Lambench.Core.Records;

namespace Lambench.Core.Ingest;

/// <summary>
/// Turns log files of any supported format into one <see cref="InvocationRecord"/> per request id. Files are read in
/// parallel, each into a result of its own, and merged in the order given, so the outcome does not depend on timing.
/// The same request id in several files (overlapping exports) is merged; differing metrics for one id are counted as
/// conflicts and the first kept. Tag lines written by the functions under test attach batch id, label and repetition.
/// </summary>
public sealed class LogIngestor(IngestOptions options)
{
    private static readonly string[] LogExtensions = [".gz", ".log", ".txt", ".csv", ".json", ".jsonl", ".ndjson"];

    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<InvocationRecord> _rows = [];
    private readonly Dictionary<string, InvocationTag> _tags = new(StringComparer.Ordinal);
    private readonly List<ConflictingReport> _conflicts = [];
    private readonly List<RejectedLine> _rejected = [];
    private int _files;
    private long _entries, _reports, _duplicates, _initReports, _tagLines, _skipped;

    /// <summary>
    /// Reads one file. A REPORT line that cannot be read is rejected and counted (<see cref="IngestResult.Rejected"/>),
    /// or with <see cref="IngestOptions.Strict"/> stops the file. On error nothing of it is kept, and the exception names
    /// the file and line.
    /// </summary>
    /// <param name="progress">receives the number of entries read so far in this file, now and then.</param>
    /// <param name="fileOptions">what to say about this file's rows instead of the ingestor's options (e.g. its own runtime).</param>
    public void AddFile(string path, IProgress<long>? progress = null, IngestOptions? fileOptions = null) =>
        AddFiles([(path, fileOptions)], progress is null ? null : new Progress<(string, long)>(p => progress.Report(p.Item2)));

    /// <summary>
    /// Reads several files at once. If any cannot be read, none is kept, and the error of the first such file in the
    /// given order is thrown.
    /// </summary>
    public void AddFiles(IReadOnlyList<(string Path, IngestOptions? Options)> files, IProgress<(string Path, long Entries)>? progress = null)
    {
        var results = new FileResult[files.Count];
        var errors = new Exception?[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                var (path, fileOptions) = files[i];
                results[i] = ReadFile(path, fileOptions ?? options, progress is null ? null : new Progress<long>(n => progress.Report((path, n))));
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        });

        if (errors.FirstOrDefault(e => e is not null) is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        }

        foreach (var result in results)
        {
            Merge(result);
        }
    }

    public IngestResult Complete()
    {
        var tagsWithoutReport = _tags.Keys.Count(id => !_indexById.ContainsKey(id));
        var rows = _tags.Count == 0
            ? _rows.ToList()
            : _rows.Select(row => _tags.TryGetValue(row.RequestId, out var tag)
                ? row with { BatchId = tag.BatchId, Label = tag.Label, Repetition = tag.Repetition }
                : row).ToList();
        if (!IsInOutputOrder(rows))
        {
            rows = rows.Select((row, index) => (row, index))
                .OrderBy(x => x.row.Configuration, StringComparer.Ordinal)
                .ThenBy(x => x.row.TimestampUtc ?? DateTimeOffset.MaxValue)
                .ThenBy(x => x.index)
                .Select(x => x.row)
                .ToList();
        }

        var summary = new IngestSummary(_files, _entries, _reports, rows.Count, _duplicates, _conflicts.Count, _initReports, _tagLines, tagsWithoutReport, _skipped, _rejected.Count);
        return new IngestResult(rows, summary) { Rejected = _rejected.ToList(), Conflicts = _conflicts.ToList() };
    }

    /// <summary>Rows come out by configuration, then time (undated last), then input order; logs are mostly in that order already.</summary>
    private static bool IsInOutputOrder(List<InvocationRecord> rows)
    {
        for (var i = 1; i < rows.Count; i++)
        {
            var order = string.CompareOrdinal(rows[i - 1].Configuration, rows[i].Configuration);
            if (order > 0 || (order == 0 && (rows[i - 1].TimestampUtc ?? DateTimeOffset.MaxValue) > (rows[i].TimestampUtc ?? DateTimeOffset.MaxValue)))
            {
                return false;
            }
        }

        return true;
    }

    private sealed class FileResult
    {
        public required string Path { get; init; }
        public List<(InvocationRecord Row, long Line, string? Location)> Reports { get; } = [];
        public List<InvocationTag> Tags { get; } = [];
        public List<RejectedLine> Rejected { get; } = [];
        public long Entries { get; set; }
        public long InitReports { get; set; }
    }

    private static FileResult ReadFile(string path, IngestOptions fileOptions, IProgress<long>? progress)
    {
        var result = new FileResult { Path = path };
        var fallbackConfiguration = ConfigurationFromFileName(path);
        long recognised = 0, firstContentLine = 0;
        foreach (var entry in LogFileReader.Read(path))
        {
            result.Entries++;
            if ((result.Entries & 0x3FFFF) == 0)
            {
                progress?.Report(result.Entries);
            }

            ParsedLogMessage parsed;
            try
            {
                parsed = LogMessageParser.Parse(entry.Message);
            }
            catch (LogMessageFormatException e) when (!fileOptions.Strict)
            {
                result.Rejected.Add(new RejectedLine(path, entry.Where, e.Message, ReportLineParser.Quote(entry.Message.Trim())));
                recognised++;
                continue;
            }
            catch (LogMessageFormatException e)
            {
                throw new LogFormatException(path, entry.Where, e.Message, e);
            }

            switch (parsed.Kind)
            {
                case LogMessageKind.Other:
                    if (firstContentLine == 0 && !entry.Message.IsWhiteSpace())
                    {
                        firstContentLine = entry.LineNumber;
                    }

                    continue;
                case LogMessageKind.Report:
                    result.Reports.Add((Row(entry, parsed, fallbackConfiguration, fileOptions), entry.LineNumber, entry.Location));
                    break;
                case LogMessageKind.InitReport:
                    result.InitReports++;
                    break;
                case LogMessageKind.Tag:
                    result.Tags.Add(parsed.Tag!);
                    break;
            }

            recognised++;
        }

        if (recognised == 0 && firstContentLine > 0)
        {
            throw new LogFormatException(path, $"line {firstContentLine}", "no Lambda log lines found: expected REPORT lines (text or JSON log format), a Logs Insights CSV export with @message, or the JSON of aws logs filter-log-events / get-log-events");
        }

        progress?.Report(result.Entries);
        return result;
    }

    private void Merge(FileResult result)
    {
        _files++;
        _entries += result.Entries;
        _reports += result.Reports.Count;
        _skipped += result.Entries - result.Reports.Count - result.Rejected.Count;
        _rejected.AddRange(result.Rejected);
        _initReports += result.InitReports;
        _tagLines += result.Tags.Count;
        foreach (var tag in result.Tags)
        {
            _tags.TryAdd(tag.RequestId, tag);
        }

        foreach (var (row, line, location) in result.Reports)
        {
            if (_indexById.TryAdd(row.RequestId, _rows.Count))
            {
                _rows.Add(row);
                continue;
            }

            var existing = _rows[_indexById[row.RequestId]];
            if (SameMetrics(existing, row))
            {
                _duplicates++;
            }
            else
            {
                _conflicts.Add(new ConflictingReport(row.RequestId, existing.DurationMs, row.DurationMs, result.Path, location ?? $"line {line}"));
            }
        }
    }

    private static InvocationRecord Row(LogEntry entry, ParsedLogMessage parsed, string fallbackConfiguration, IngestOptions rowOptions)
    {
        var report = parsed.Report;
        var logGroup = entry.LogGroup;
        return new InvocationRecord
        {
            Configuration = rowOptions.Configuration ?? logGroup ?? fallbackConfiguration,
            FunctionName = rowOptions.FunctionName ?? FunctionNameFromLogGroup(logGroup),
            Runtime = rowOptions.Runtime,
            Architecture = rowOptions.Architecture,
            MemorySizeMb = report.MemorySizeMb,
            RequestId = report.RequestId,
            TimestampUtc = parsed.Timestamp ?? entry.Timestamp,
            DurationMs = report.DurationMs,
            BilledDurationMs = report.BilledDurationMs,
            InitDurationMs = report.InitDurationMs,
            RestoreDurationMs = report.RestoreDurationMs,
            BilledRestoreDurationMs = report.BilledRestoreDurationMs,
            MaxMemoryUsedMb = report.MaxMemoryUsedMb,
            Status = report.Status,
            ErrorType = report.ErrorType,
            Platform = rowOptions.Platform,
        };
    }

    private static bool SameMetrics(InvocationRecord a, InvocationRecord b) =>
        a.DurationMs.Equals(b.DurationMs) && a.BilledDurationMs.Equals(b.BilledDurationMs) && a.InitDurationMs.Equals(b.InitDurationMs)
        && a.MemorySizeMb == b.MemorySizeMb && a.MaxMemoryUsedMb.Equals(b.MaxMemoryUsedMb) && a.Status == b.Status;

    private static string? FunctionNameFromLogGroup(string? logGroup)
    {
        const string prefix = "/aws/lambda/";
        return logGroup is not null && logGroup.StartsWith(prefix, StringComparison.Ordinal) ? logGroup[prefix.Length..] : null;
    }

    /// <summary>"logs/tcc-go.log.gz" gives "tcc-go".</summary>
    public static string ConfigurationFromFileName(string path)
    {
        var name = Path.GetFileName(path);
        bool stripped;
        do
        {
            stripped = false;
            foreach (var extension in LogExtensions)
            {
                if (name.Length > extension.Length && name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^extension.Length];
                    stripped = true;
                }
            }
        }
        while (stripped);
        return name;
    }
}
