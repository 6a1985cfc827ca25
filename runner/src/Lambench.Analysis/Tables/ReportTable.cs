using Microsoft.AspNetCore.Html;

namespace Lambench.Analysis.Tables;

/// <summary>
/// A table ready for any exporter: cells already formatted for the report's language, a legend for every column that needs one.
/// As <see cref="IHtmlContent"/>, a notebook shows it as the report's HTML table.
/// </summary>
public sealed record ReportTable(
    string Id,
    string Caption,
    IReadOnlyList<TableColumn> Columns,
    IReadOnlyList<IReadOnlyList<string>> Rows,
    IReadOnlyList<string> Legend) : IHtmlContent
{
    /// <summary>Where the numbers come from, for the ABNT source line under a thesis table ("Fonte: …"); null: none.</summary>
    public TableSource? Source { get; init; }

    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) => writer.Write(new HtmlTableExporter().Export(this));

    /// <summary>The table as Markdown, for a terminal.</summary>
    public override string ToString() => new MarkdownTableExporter().Export(this);
}
