using System.Net;
using System.Text;

namespace Lambench.Analysis.Tables;

/// <summary>An HTML fragment: a table with its caption and the legend below it (styled by the page that includes it).</summary>
public sealed class HtmlTableExporter : ITableExporter
{
    public string Extension => ".html";

    public string Export(ReportTable table)
    {
        var html = new StringBuilder();
        html.Append("<figure class=\"table\" id=\"").Append(WebUtility.HtmlEncode(table.Id)).Append("\">\n<table>\n<caption>")
            .Append(WebUtility.HtmlEncode(table.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var column in table.Columns)
        {
            html.Append(column.AlignRight ? "<th class=\"num\">" : "<th>").Append(WebUtility.HtmlEncode(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(table.Columns[i].AlignRight ? "<td class=\"num\">" : "<td>").Append(WebUtility.HtmlEncode(row[i])).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
        if (table.Legend.Count > 0)
        {
            html.Append("<ul class=\"legend\">\n");
            foreach (var line in table.Legend)
            {
                html.Append("<li>").Append(WebUtility.HtmlEncode(line)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</figure>\n");
        return html.ToString();
    }
}
