using System.Globalization;
using CsvHelper;

namespace Lambench.Analysis.Tables;

/// <summary>Writes rows through a declared column list (name and value), invariant culture, LF line ends.</summary>
public static class ColumnCsvWriter
{
    public static void Write<T>(TextWriter writer, IReadOnlyList<(string Name, Func<T, string> Value)> columns, IEnumerable<T> rows)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader(columns.Select(c => c.Name).ToArray());
        foreach (var row in rows)
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Value(row));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }
}
