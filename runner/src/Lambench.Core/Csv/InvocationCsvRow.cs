using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using CsvHelper;
using Lambench.Core.Columns;
using Lambench.Core.Logs;
using Lambench.Core.Parsing;
using Lambench.Core.Records;

namespace Lambench.Core.Csv;

/// <summary>
/// Reads the current row of an invocations.csv into <see cref="InvocationColumns"/>, checking every cell; errors name
/// the file, line and column. Cells are spans of the reader's buffer; the source (configuration, runtime,
/// architecture, platform) is compared with the previous row's and only made into strings when it changes.
/// </summary>
internal sealed class InvocationCsvRow(CsvReader csv, string path, int[] at)
{
    private readonly char[][] _cellBuffers = InvocationCsvColumns.InOrder.Select(_ => new char[64]).ToArray();
    private string?[] _sourceCells = [];
    private int _source = -1;

    public void AppendTo(InvocationColumns columns)
    {
        var line = csv.LineNumber;
        var source = Source(columns);
        var requestId = Cell(InvocationCsvColumns.RequestId);
        if (requestId.IsEmpty)
        {
            throw Bad(line, InvocationCsvColumns.RequestId, "empty");
        }

        var metrics = new ReportMetrics(
            Number(line, InvocationCsvColumns.DurationMs) ?? throw Bad(line, InvocationCsvColumns.DurationMs, "empty"),
            Number(line, InvocationCsvColumns.BilledDurationMs),
            Integer(line, InvocationCsvColumns.MemorySizeMb),
            Number(line, InvocationCsvColumns.MaxMemoryUsedMb),
            Number(line, InvocationCsvColumns.InitDurationMs),
            Number(line, InvocationCsvColumns.RestoreDurationMs),
            Number(line, InvocationCsvColumns.BilledRestoreDurationMs),
            Status(line),
            Text(InvocationCsvColumns.ErrorType));
        columns.Append(requestId, source, Timestamp(line), metrics);

        // start_type is derived; a file whose start_type disagrees with its durations has been edited by hand.
        var cold = metrics.InitDurationMs is not null || metrics.RestoreDurationMs is not null;
        var startType = Cell(InvocationCsvColumns.StartType);
        if (!startType.IsEmpty && !startType.SequenceEqual(cold ? StartTypeNames.Cold : StartTypeNames.Warm))
        {
            throw Bad(line, InvocationCsvColumns.StartType, $"'{startType}' but the row has {(cold ? "an Init or Restore duration (cold)" : "no Init or Restore duration (warm)")}");
        }

        var (label, batchId, repetition, round) = (Text(InvocationCsvColumns.Label), Text(InvocationCsvColumns.BatchId), Integer(line, InvocationCsvColumns.Repetition), Integer(line, InvocationCsvColumns.Round));
        if (round is < 1)
        {
            throw Bad(line, InvocationCsvColumns.Round, $"{round}: rounds are numbered from 1");
        }

        if (label is not null || batchId is not null || repetition is not null || round is not null)
        {
            columns.SetTag(columns.Count - 1, new InvocationTag(columns.RequestId(columns.Count - 1), batchId, label, repetition, round));
        }
    }

    private static readonly string[] SourceColumns =
        [InvocationCsvColumns.Configuration, InvocationCsvColumns.FunctionName, InvocationCsvColumns.Runtime, InvocationCsvColumns.Architecture, InvocationCsvColumns.Platform];

    /// <summary>The row's source: the previous row's when its cells are the same (rows come grouped), else a new one.</summary>
    private int Source(InvocationColumns columns)
    {
        var same = _source >= 0;
        for (var i = 0; i < SourceColumns.Length && same; i++)
        {
            same = Cell(SourceColumns[i]).SequenceEqual(_sourceCells[i]);
        }

        if (!same)
        {
            _sourceCells = SourceColumns.Select(Text).ToArray();
            var configuration = _sourceCells[0] ?? throw Bad(csv.LineNumber, InvocationCsvColumns.Configuration, "empty");
            _source = columns.AddSource(new InvocationSource(configuration, _sourceCells[1], _sourceCells[2], _sourceCells[3], _sourceCells[4]));
        }

        return _source;
    }

    private static readonly FrozenDictionary<string, int> Position =
        InvocationCsvColumns.InOrder.Select((name, position) => (name, position)).ToFrozenDictionary(c => c.name, c => c.position, StringComparer.Ordinal);

    /// <summary>The cell of <paramref name="column"/> in the current row; <c>at</c> maps the column order of <see cref="InvocationCsvColumns.InOrder"/> to the file's.</summary>
    private ReadOnlySpan<char> Cell(string column)
    {
        // The reader holds UTF-8: each column decodes into a buffer of its own, so cells of one row can be held together.
        var position = Position[column];
        if (at[position] < 0)
        {
            return [];
        }

        var bytes = csv.GetSpan(at[position]);
        ref var buffer = ref _cellBuffers[position];
        if (buffer.Length < bytes.Length)
        {
            buffer = new char[Math.Max(64, bytes.Length)];
        }

        return buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer));
    }

    private string? Text(string column) => Cell(column) is { Length: > 0 } v ? v.ToString() : null;

    private InvalidDataException Bad(long line, string column, string reason) => new($"{path}: line {line}: column {column}: {reason}");

    private double? Number(long line, string column)
    {
        var text = Cell(column);
        if (text.IsEmpty)
        {
            return null;
        }

        return PlainDecimal.TryParseFinite(text, out var value)
            ? value
            : throw Bad(line, column, $"'{text}' is not a number (invariant culture: '.' for decimals)");
    }

    private int? Integer(long line, string column)
    {
        var text = Cell(column);
        return text.IsEmpty ? null
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
            : throw Bad(line, column, $"'{text}' is not a whole number");
    }

    private DateTimeOffset? Timestamp(long line)
    {
        var text = Cell(InvocationCsvColumns.TimestampUtc);
        if (text.IsEmpty)
        {
            return null;
        }

        return TimestampPrefix.TryParseIso(text, out var t)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out t)
            ? t : throw Bad(line, InvocationCsvColumns.TimestampUtc, $"'{text}' is not a date and time");
    }

    private string Status(long line)
    {
        var text = Cell(InvocationCsvColumns.Status);
        if (text.IsEmpty)
        {
            return InvocationStatus.Success;
        }

        return InvocationStatus.TryNormalise(text, out var status)
            ? status
            : throw Bad(line, InvocationCsvColumns.Status, InvocationStatus.Unknown(text));
    }
}
