using Lambench.Core.Logs;
using Lambench.Core.Parsing;
using Lambench.Core.Records;

namespace Lambench.Core.Ingest;

/// <summary>
/// Turns log files of any supported format into one <see cref="InvocationRecord"/> per request id. The same request id
/// in several files (overlapping exports) is merged; differing metrics for one id are counted as conflicts and the first
/// kept. Tag lines written by the functions under test attach batch id, label and repetition by request id.
/// </summary>
public sealed class LogIngestor(IngestOptions options)
{
    private static readonly string[] LogExtensions = [".gz", ".log", ".txt", ".csv", ".json", ".jsonl", ".ndjson"];

    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly List<InvocationRecord> _rows = [];
    private readonly Dictionary<string, InvocationTag> _tags = new(StringComparer.Ordinal);
    private readonly List<string> _conflictExamples = [];
    private int _files;
    private long _entries, _reports, _duplicates, _conflicts, _initReports, _tagLines, _skipped;

    /// <summary>Reads one file. On error nothing of that file is kept, and the exception names the file and line.</summary>
    /// <param name="progress">receives the number of entries read so far in this file, now and then.</param>
    /// <param name="fileOptions">what to say about this file's rows instead of the ingestor's options (e.g. its own runtime).</param>
    public void AddFile(string path, IProgress<long>? progress = null, IngestOptions? fileOptions = null)
    {
        var rowsBefore = _rows.Count;
        var counts = (reports: _reports, duplicates: _duplicates, conflicts: _conflicts, examples: _conflictExamples.Count);
        try
        {
            ReadFile(path, progress, fileOptions ?? options);
        }
        catch
        {
            // Undo this file's rows so a failed file leaves no half of itself behind.
            for (var i = rowsBefore; i < _rows.Count; i++)
            {
                _indexById.Remove(_rows[i].RequestId);
            }

            _rows.RemoveRange(rowsBefore, _rows.Count - rowsBefore);
            (_reports, _duplicates, _conflicts) = (counts.reports, counts.duplicates, counts.conflicts);
            _conflictExamples.RemoveRange(counts.examples, _conflictExamples.Count - counts.examples);
            throw;
        }
    }

    private void ReadFile(string path, IProgress<long>? progress, IngestOptions fileOptions)
    {
        var fallbackConfiguration = ConfigurationFromFileName(path);
        var fileTags = new List<InvocationTag>();
        long read = 0, recognised = 0, reports = 0, initReports = 0, firstContentLine = 0;
        foreach (var entry in LogFileReader.Read(path))
        {
            read++;
            if ((read & 0xFFFF) == 0)
            {
                progress?.Report(read);
            }

            ParsedLogMessage parsed;
            try
            {
                parsed = LogMessageParser.Parse(entry.Message);
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
                    reports++;
                    AddReport(entry, parsed, fallbackConfiguration, fileOptions);
                    break;
                case LogMessageKind.InitReport:
                    initReports++;
                    break;
                case LogMessageKind.Tag:
                    fileTags.Add(parsed.Tag!);
                    break;
            }

            recognised++;
        }

        if (recognised == 0 && firstContentLine > 0)
        {
            throw new LogFormatException(path, $"line {firstContentLine}", "no Lambda log lines found: expected REPORT lines (text or JSON log format), a Logs Insights CSV export with @message, or the JSON of aws logs filter-log-events / get-log-events");
        }

        progress?.Report(read);
        _files++;
        _entries += read;
        _skipped += read - reports;
        _initReports += initReports;
        _tagLines += fileTags.Count;
        foreach (var tag in fileTags)
        {
            _tags.TryAdd(tag.RequestId, tag);
        }
    }

    public IngestResult Complete()
    {
        var tagsWithoutReport = _tags.Keys.Count(id => !_indexById.ContainsKey(id));
        var rows = _rows.Select(row => _tags.TryGetValue(row.RequestId, out var tag)
                ? row with { BatchId = tag.BatchId, Label = tag.Label, Repetition = tag.Repetition }
                : row)
            .Select((row, index) => (row, index))
            .OrderBy(x => x.row.Configuration, StringComparer.Ordinal)
            .ThenBy(x => x.row.TimestampUtc ?? DateTimeOffset.MaxValue)
            .ThenBy(x => x.index)
            .Select(x => x.row)
            .ToList();
        var summary = new IngestSummary(_files, _entries, _reports, rows.Count, _duplicates, _conflicts, _initReports, _tagLines, tagsWithoutReport, _skipped, _conflictExamples);
        return new IngestResult(rows, summary);
    }

    private void AddReport(LogEntry entry, ParsedLogMessage parsed, string fallbackConfiguration, IngestOptions rowOptions)
    {
        _reports++;
        var report = parsed.Report;
        if (_indexById.TryGetValue(report.RequestId, out var existingIndex))
        {
            var existing = _rows[existingIndex];
            if (SameMetrics(existing, report))
            {
                _duplicates++;
            }
            else
            {
                _conflicts++;
                if (_conflictExamples.Count < 5)
                {
                    _conflictExamples.Add($"{report.RequestId}: Duration {existing.DurationMs} ms kept, {report.DurationMs} ms at {entry.Where} ignored");
                }
            }

            return;
        }

        var logGroup = entry.LogGroup;
        var row = new InvocationRecord
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
        _indexById.Add(report.RequestId, _rows.Count);
        _rows.Add(row);
    }

    private static bool SameMetrics(InvocationRecord a, ReportLine b) =>
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
