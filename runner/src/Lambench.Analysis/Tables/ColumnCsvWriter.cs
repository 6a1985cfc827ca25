using System.Globalization;
using CsvHelper;

namespace Lambench.Analysis.Tables;

/// <summary>Writes a <see cref="DataSheet"/> as CSV in a <see cref="CsvDialect"/>, LF line ends.</summary>
public static class ColumnCsvWriter
{
    public static void Write(TextWriter writer, DataSheet sheet, CsvDialect? dialect = null)
    {
        dialect ??= CsvDialect.Invariant;
        if (dialect.ByteOrderMark)
        {
            writer.Write('\uFEFF');
        }

        var options = new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n", Separator = dialect.Separator };
        using var csv = CsvWriter.Create(writer, options, leaveOpen: true);
        csv.WriteHeader(sheet.Headers.ToArray());
        foreach (var row in sheet.Rows)
        {
            foreach (var cell in row)
            {
                csv.WriteField(cell.Format(dialect.Numbers));
            }

            csv.EndRecord();
        }

        csv.Flush();
    }

    public static void Write<T>(TextWriter writer, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows, CsvDialect? dialect = null) =>
        Write(writer, DataSheet.Of("data", columns, rows), dialect);
}
