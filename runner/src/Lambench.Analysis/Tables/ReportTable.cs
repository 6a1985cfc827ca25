namespace Lambench.Analysis.Tables;

/// <summary>A table ready for any exporter: cells already formatted for the report's language, a legend for every column that needs one.</summary>
public sealed record ReportTable(
    string Id,
    string Caption,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Legend);
