namespace Lambench.Analysis.Tables;

/// <summary>A table of typed cells under its headers: one CSV file, or one sheet of the workbook.</summary>
public sealed record DataSheet(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<CsvCell>> Rows)
{
    public static DataSheet Of<T>(string name, IReadOnlyList<CsvColumn<T>> columns, IEnumerable<T> rows) =>
        new(name, columns.Select(c => c.Name).ToList(), rows.Select(row => (IReadOnlyList<CsvCell>)columns.Select(c => c.Value(row)).ToList()).ToList());
}
