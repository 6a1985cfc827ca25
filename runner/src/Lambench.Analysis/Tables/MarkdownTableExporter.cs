using System.Text;

namespace Lambench.Analysis.Tables;

/// <summary>GitHub-flavoured Markdown: caption in bold, the table, the legend as a list.</summary>
public sealed class MarkdownTableExporter : ITableExporter
{
    public string Extension => ".md";

    public string Export(ReportTable table)
    {
        var text = new StringBuilder();
        text.Append("**").Append(Escape(table.Caption)).Append("**\n\n");
        text.Append("| ").AppendJoin(" | ", table.Columns.Select(c => Escape(c.Header))).Append(" |\n");
        text.Append('|').AppendJoin('|', table.Columns.Select(c => c.AlignRight ? "---:" : ":---")).Append("|\n");
        foreach (var row in table.Rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        }

        if (table.Legend.Count > 0)
        {
            text.Append('\n');
            foreach (var line in table.Legend)
            {
                text.Append("- ").Append(Escape(line)).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
