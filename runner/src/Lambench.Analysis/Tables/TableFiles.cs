using Lambench.Core.Csv;

namespace Lambench.Analysis.Tables;

/// <summary>Writes tables as the report does: tables/&lt;id&gt;.md, .html and .tex under a directory, each file whole or not at all.</summary>
public static class TableFiles
{
    /// <param name="labelPrefix">put before every LaTeX label (tab:&lt;prefix&gt;&lt;id&gt;).</param>
    /// <returns>the paths written, table by table.</returns>
    public static IReadOnlyList<string> Write(IEnumerable<ReportTable> tables, string output, string labelPrefix = "")
    {
        ITableExporter[] exporters = [new MarkdownTableExporter(), new HtmlTableExporter(), new LatexTableExporter(labelPrefix)];
        var written = new List<string>();
        foreach (var table in tables)
        {
            foreach (var exporter in exporters)
            {
                var path = Path.Combine(output, "tables", table.Id + exporter.Extension);
                AtomicFile.WriteAllText(path, exporter.Export(table));
                written.Add(path);
            }
        }

        return written;
    }
}
