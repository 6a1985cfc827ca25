using System.Globalization;
using CsvHelper;

namespace Lambench.Core.Csv;

/// <summary>
/// Reads back a CSV file Lambench wrote: invariant culture, exactly the expected header, every row through a reader of
/// its own; a file that is not one, or a cell that does not parse, is a <see cref="FormatException"/> naming the file and
/// line.
/// </summary>
public static class LambenchCsvFile
{
    /// <param name="what">what the file is, for the error when the header is another ("an operations file").</param>
    /// <exception cref="FormatException">a file with another header, or a row <paramref name="row"/> cannot read.</exception>
    public static List<T> Read<T>(string path, IReadOnlyList<string> header, string what, Func<CsvReader, T> row)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        using var csv = CsvReader.Create(stream, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, FormatProvider = CultureInfo.InvariantCulture, FieldCountMismatch = CsvFieldCountHandling.Throw }, leaveOpen: true);
        csv.ReadHeader();
        if (!csv.Headers.Select(h => h.Trim()).SequenceEqual(header))
        {
            throw new FormatException($"{path}:1: not {what} (expected the header {string.Join(",", header)})");
        }

        var rows = new List<T>();
        while (true)
        {
            try
            {
                if (!csv.Read())
                {
                    break;
                }

                rows.Add(row(csv));
            }
            catch (Exception e) when (e is FormatException or OverflowException or CsvFormatException or CsvValidationException)
            {
                throw new FormatException($"{path}:{csv.LineNumber}: {e.Message}", e);
            }
        }

        return rows;
    }
}
