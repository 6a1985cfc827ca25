using System.Globalization;
using CsvHelper;
using Lambench.Core.Columns;
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

    public static IReadOnlyList<InvocationRecord> ReadFile(string path) => new InvocationRecordList(ReadColumnsFile(path));

    public static InvocationColumns ReadColumnsFile(string path)
    {
        // The file's bytes go to the reader as they are (it parses UTF-8), not through a TextReader.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var csv = CsvReader.Create(stream, Options, leaveOpen: true);
        return ReadColumns(csv, path);
    }

    public static IReadOnlyList<InvocationRecord> Read(TextReader reader, string path)
    {
        using var csv = CsvReader.Create(reader, Options, leaveOpen: true);
        return new InvocationRecordList(ReadColumns(csv, path));
    }

    private static CsvReaderOptions Options => new() { HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture, FieldCountMismatch = CsvFieldCountHandling.Throw };

    /// <summary>
    /// Reads the file straight into columns: each cell is read from the reader's buffer, so a row costs no strings
    /// except for the few cells that are text (an Error Type, a label) and a change of configuration.
    /// </summary>
    private static InvocationColumns ReadColumns(CsvReader csv, string path)
    {
        csv.ReadHeader();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < csv.Headers.Count; i++)
        {
            index[csv.Headers[i].Trim()] = i;
        }

        var missing = InvocationCsvColumns.InOrder.Where(c => !index.ContainsKey(c) && !InvocationCsvColumns.Optional.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException($"{path}: line 1: not an invocations.csv: missing column(s) {string.Join(", ", missing)}");
        }

        var rows = new InvocationCsvRow(csv, path, InvocationCsvColumns.InOrder.Select(c => index.GetValueOrDefault(c, -1)).ToArray());
        var columns = new InvocationColumns();
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

            rows.AppendTo(columns);
        }

        return columns;
    }
}
