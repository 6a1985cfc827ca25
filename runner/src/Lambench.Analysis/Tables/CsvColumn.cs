namespace Lambench.Analysis.Tables;

/// <summary>A column of a report CSV: its header (units in the name) bound to its typed, rounded value, so reordering cannot misalign.</summary>
public sealed record CsvColumn<T>(string Name, Func<T, CsvCell> Value);
