using Lambench.Core.Columns;
using Lambench.Core.Logs;
using Lambench.Core.Parsing;

namespace Lambench.Core.Ingest;

/// <summary>
/// Turns log files of any supported format into one invocation per request id, held as columns
/// (<see cref="InvocationColumns"/>). Files are read in parallel, each into a result of its own, and merged in the
/// order given, so the outcome does not depend on timing. The same request id in several files (overlapping exports)
/// is merged; differing metrics for one id are counted as conflicts and the first kept. Tag lines written by the
/// functions under test attach batch id, label and repetition.
/// </summary>
public sealed class LogIngestor(IngestOptions options)
{
    private static readonly string[] LogExtensions = [".gz", ".log", ".txt", ".csv", ".json", ".jsonl", ".ndjson"];

    // Each file's rows stay in its own columns until Complete gathers them, in output order, in one copy.
    private readonly List<Segment> _segments = [];
    private RequestIdIndex _firstSeen = new();
    private bool _indexStale;
    private readonly Dictionary<string, InvocationTag> _tags = new(StringComparer.Ordinal);
    private readonly List<ConflictingReport> _conflicts = [];
    private readonly List<RejectedLine> _rejected = [];
    private readonly IngestedOperations _operations = new();
    private int _files;
    private long _entries, _reports, _duplicates, _initReports, _tagLines, _skipped;

    /// <summary>A file's rows, and which of them are kept (null: all; the others repeat a request id seen before).</summary>
    private sealed record Segment(InvocationColumns Rows, int[]? Kept)
    {
        public int KeptCount => Kept?.Length ?? Rows.Count;

        public int KeptRow(int k) => Kept is null ? k : Kept[k];
    }

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
        var results = new LogFileIngest?[files.Count];
        var errors = new Exception?[files.Count];
        var rows = Windows(files);
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            try
            {
                var (path, fileOptions) = files[i];
                results[i] = LogFileIngest.Read(path, fileOptions ?? options, progress is null ? null : new Progress<long>(n => progress.Report((path, n))), rows[i]);
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

        EnsureIndex();
        _firstSeen.Reserve(results.Sum(r => r!.Rows.Count));
        for (var i = 0; i < results.Length; i++)
        {
            Merge(results[i]!);
            results[i] = null; // its line numbers can go; its rows stay in their segment
        }
    }

    /// <summary>
    /// One window of shared columns a file, the windows in configuration order (as the output is) with room for each
    /// file's estimated rows: when every file holds one configuration in time order, <see cref="Complete"/> puts the
    /// rows together where they are instead of copying them.
    /// </summary>
    private InvocationColumns[] Windows(IReadOnlyList<(string Path, IngestOptions? Options)> files)
    {
        var byConfiguration = Enumerable.Range(0, files.Count)
            .OrderBy(i => (files[i].Options ?? options).Configuration ?? ConfigurationFromFileName(files[i].Path), StringComparer.Ordinal)
            .ToArray();
        var windows = InvocationColumns.Windows(byConfiguration.Select(i => Utf8LineReader.EstimateRows(files[i].Path)).ToArray());
        var rows = new InvocationColumns[files.Count];
        for (var w = 0; w < windows.Length; w++)
        {
            rows[byConfiguration[w]] = windows[w];
        }

        return rows;
    }

    /// <summary>
    /// The rows so far, one a request id, by configuration, then time (undated last), then input order. They become
    /// the ingestor's only segment (they may have been put together in place, emptying the files' columns), so files
    /// added later merge with them.
    /// </summary>
    public IngestResult Complete()
    {
        EnsureIndex();
        var parts = _segments.Select(s => s.Rows).ToList();
        var (partOf, rowOf) = OutputOrder();
        var tagsWithoutReport = _tags.Keys.Count(id => !_firstSeen.Contains(id));
        var rows = InvocationColumns.Gather(parts, partOf, rowOf);
        _segments.Clear();
        _segments.Add(new Segment(rows, null));
        _indexStale = true;
        if (_tags.Count > 0)
        {
            var tagsByUuid = new Dictionary<Guid, InvocationTag>();
            foreach (var (id, tag) in _tags)
            {
                if (RequestIdColumn.TryCanonicalUuid(id, out var uuid))
                {
                    tagsByUuid[uuid] = tag;
                }
            }

            for (var row = 0; row < rows.Count; row++)
            {
                var (uuid, text) = rows.RequestIdKey(row);
                if (text is null ? tagsByUuid.TryGetValue(uuid, out var tag) : _tags.TryGetValue(text, out tag))
                {
                    rows.SetTag(row, tag);
                }
            }
        }

        var summary = new IngestSummary(_files, _entries, _reports, rows.Count, _duplicates, _conflicts.Count, _initReports, _tagLines, tagsWithoutReport, _skipped, _rejected.Count)
        {
            MetricLines = _operations.MetricLines,
            InvalidMetricLines = _operations.InvalidMetricLines,
            Operations = _operations.Count,
        };
        return new IngestResult(rows, summary) { Rejected = _rejected.ToList(), Conflicts = _conflicts.ToList(), Operations = _operations.InOrder() };
    }

    /// <summary>
    /// For output row i, its segment and row there: a stable counting sort by configuration (ordinal), then, only in a
    /// configuration whose rows are not already in time order, a sort by (time, input order).
    /// </summary>
    private (int[] PartOf, int[] RowOf) OutputOrder()
    {
        var names = _segments.SelectMany(s => s.Rows.Sources).Select(s => s.Configuration).Distinct().Order(StringComparer.Ordinal).ToList();
        var rank = _segments.Select(s => s.Rows.Sources.Select(source => names.IndexOf(source.Configuration)).ToArray()).ToArray();
        var starts = new int[names.Count + 1];
        for (var p = 0; p < _segments.Count; p++)
        {
            for (var k = 0; k < _segments[p].KeptCount; k++)
            {
                starts[rank[p][_segments[p].Rows.SourceIndex[_segments[p].KeptRow(k)]] + 1]++;
            }
        }

        for (var r = 1; r < starts.Length; r++)
        {
            starts[r] += starts[r - 1];
        }

        var (partOf, rowOf) = (LargeArray.Allocate<int>(starts[^1]), LargeArray.Allocate<int>(starts[^1])); // every element is written
        var next = starts[..^1];
        for (var p = 0; p < _segments.Count; p++)
        {
            for (var k = 0; k < _segments[p].KeptCount; k++)
            {
                var row = _segments[p].KeptRow(k);
                var at = next[rank[p][_segments[p].Rows.SourceIndex[row]]]++;
                (partOf[at], rowOf[at]) = (p, row);
            }
        }

        for (var r = 0; r < names.Count; r++)
        {
            SortByTime(partOf.AsSpan(starts[r]..starts[r + 1]), rowOf.AsSpan(starts[r]..starts[r + 1]));
        }

        return (partOf, rowOf);
    }

    /// <summary>Orders one configuration's rows by time, ties (and undated rows, last) in their input order; logs are mostly in order already.</summary>
    private void SortByTime(Span<int> partOf, Span<int> rowOf)
    {
        long Ticks(int p, int row) => _segments[p].Rows.SortableTicks(row);
        var ordered = true;
        for (var i = 1; i < partOf.Length && ordered; i++)
        {
            ordered = Ticks(partOf[i - 1], rowOf[i - 1]) <= Ticks(partOf[i], rowOf[i]);
        }

        if (ordered)
        {
            return;
        }

        var keys = new (long Ticks, int Position)[partOf.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (Ticks(partOf[i], rowOf[i]), i);
        }

        keys.AsSpan().Sort();
        var (parts, rows) = (partOf.ToArray(), rowOf.ToArray());
        for (var i = 0; i < keys.Length; i++)
        {
            (partOf[i], rowOf[i]) = (parts[keys[i].Position], rows[keys[i].Position]);
        }
    }

    /// <summary>After <see cref="Complete"/>, the index of first-seen ids points into the segments it replaced: rebuilt from its rows.</summary>
    private void EnsureIndex()
    {
        if (_indexStale)
        {
            _firstSeen = new RequestIdIndex();
            _firstSeen.Reserve(_segments.Sum(s => s.Rows.Count));
            foreach (var segment in _segments)
            {
                _firstSeen.AddSegment(segment.Rows, (_, _) => true);
            }

            _indexStale = false;
        }
    }

    private void Merge(LogFileIngest file)
    {
        _files++;
        _entries += file.Entries;
        _reports += file.Rows.Count;
        _skipped += file.Entries - file.Rows.Count - file.Rejected.Count;
        _rejected.AddRange(file.Rejected);
        _initReports += file.InitReports;
        _tagLines += file.Tags.Count;
        _operations.Add(file);
        foreach (var tag in file.Tags)
        {
            _tags.TryAdd(tag.RequestId, tag);
        }

        var segment = _segments.Count;
        List<int>? kept = null;
        var next = 0; // rows before this one are kept
        _firstSeen.AddSegment(file.Rows, (row, first) =>
        {
            kept ??= [];
            for (; next < row; next++)
            {
                kept.Add(next);
            }

            next = row + 1;
            var firstRows = first.Segment == segment ? file.Rows : _segments[first.Segment].Rows;
            if (firstRows.SameMetrics(first.Row, file.Rows, row))
            {
                _duplicates++;
            }
            else
            {
                _conflicts.Add(new ConflictingReport(file.Rows.RequestId(row), firstRows.DurationMs[first.Row], file.Rows.DurationMs[row], file.Path, file.Where(row)));
            }

            return true;
        });
        if (kept is not null)
        {
            for (; next < file.Rows.Count; next++)
            {
                kept.Add(next);
            }
        }

        _segments.Add(new Segment(file.Rows, kept?.ToArray()));
    }

    /// <summary>"logs/tcc-go.log.gz" gives "tcc-go"; leading =, +, - and @ are dropped.</summary>
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
        // A file named "=cmd.log" must not name rows a spreadsheet would run as a formula.
        var safe = name.TrimStart('=', '+', '-', '@');
        return safe.Length > 0 ? safe : "logs";
    }
}
