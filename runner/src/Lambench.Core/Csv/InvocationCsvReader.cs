using System.Globalization;
using CsvHelper;
using Lambench.Core.Records;

namespace Lambench.Core.Csv;

/// <summary>Reads invocations.csv back, checking every cell; errors name the file, line and column.</summary>
public static class InvocationCsvReader
{
    /// <summary>True when the file's first line is an invocations.csv header (so report can tell CSVs from raw logs).</summary>
    public static bool IsInvocationCsv(string path)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine();
        return first is not null && first.TrimStart('\uFEFF').StartsWith(InvocationCsvColumns.Configuration + ",", StringComparison.Ordinal)
            && first.Contains(InvocationCsvColumns.DurationMs, StringComparison.Ordinal);
    }

    public static IReadOnlyList<InvocationRecord> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static IReadOnlyList<InvocationRecord> Read(TextReader reader, string path)
    {
        var options = new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture, FieldCountMismatch = CsvFieldCountHandling.Throw };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        csv.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.Headers.Count; i++)
        {
            index[csv.Headers[i].Trim()] = i;
        }

        var missing = InvocationCsvColumns.InOrder.Where(c => !index.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: line 1: not an invocations.csv: missing column(s) {string.Join(", ", missing)}");
        }

        var rows = new List<InvocationRecord>();
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }
            }
            catch (Exception e) when (e is CsvFormatException or CsvValidationException)
            {
                throw new InvalidDataException($"{path}: line {csv.LineNumber}: {e.Message}", e);
            }

            var line = csv.LineNumber;
            string Cell(string column) => csv.GetString(index[column]);
            string? Text(string column) => Cell(column) is { Length: > 0 } v ? v : null;
            InvalidDataException Bad(string column, string reason) => new($"{path}: line {line}: column {column}: {reason}");
            double? Number(string column)
            {
                var text = Text(column);
                if (text is null)
                {
                    return null;
                }

                return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                    ? v
                    : throw Bad(column, $"'{text}' is not a number (invariant culture: '.' for decimals)");
            }

            int? Integer(string column)
            {
                var text = Text(column);
                return text is null ? null
                    : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v
                    : throw Bad(column, $"'{text}' is not a whole number");
            }

            var record = new InvocationRecord
            {
                Configuration = Text(InvocationCsvColumns.Configuration) ?? throw Bad(InvocationCsvColumns.Configuration, "empty"),
                FunctionName = Text(InvocationCsvColumns.FunctionName),
                Runtime = Text(InvocationCsvColumns.Runtime),
                Architecture = Text(InvocationCsvColumns.Architecture),
                MemorySizeMb = Integer(InvocationCsvColumns.MemorySizeMb),
                RequestId = Text(InvocationCsvColumns.RequestId) ?? throw Bad(InvocationCsvColumns.RequestId, "empty"),
                TimestampUtc = Text(InvocationCsvColumns.TimestampUtc) is { } ts
                    ? DateTimeOffset.TryParse(ts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : throw Bad(InvocationCsvColumns.TimestampUtc, $"'{ts}' is not a date and time")
                    : null,
                DurationMs = Number(InvocationCsvColumns.DurationMs) ?? throw Bad(InvocationCsvColumns.DurationMs, "empty"),
                BilledDurationMs = Number(InvocationCsvColumns.BilledDurationMs),
                InitDurationMs = Number(InvocationCsvColumns.InitDurationMs),
                RestoreDurationMs = Number(InvocationCsvColumns.RestoreDurationMs),
                BilledRestoreDurationMs = Number(InvocationCsvColumns.BilledRestoreDurationMs),
                MaxMemoryUsedMb = Number(InvocationCsvColumns.MaxMemoryUsedMb),
                Status = Text(InvocationCsvColumns.Status) is { } s ? Normalise(s, Bad) : InvocationStatus.Success,
                ErrorType = Text(InvocationCsvColumns.ErrorType),
                Platform = Text(InvocationCsvColumns.Platform),
                Label = Text(InvocationCsvColumns.Label),
                BatchId = Text(InvocationCsvColumns.BatchId),
                Repetition = Integer(InvocationCsvColumns.Repetition),
            };

            // start_type is derived; a file whose start_type disagrees with its durations has been edited by hand.
            if (Text(InvocationCsvColumns.StartType) is { } startType && startType != record.StartType.ToName())
            {
                throw Bad(InvocationCsvColumns.StartType, $"'{startType}' but the row has {(record.StartType == StartType.Cold ? "an Init or Restore duration (cold)" : "no Init or Restore duration (warm)")}");
            }

            rows.Add(record);
        }

        return rows;
    }

    private static string Normalise(string status, Func<string, string, InvalidDataException> bad)
    {
        try
        {
            return InvocationStatus.Normalise(status);
        }
        catch (FormatException e)
        {
            throw bad(InvocationCsvColumns.Status, e.Message);
        }
    }
}
