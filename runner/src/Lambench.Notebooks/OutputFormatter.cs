using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Tables;
using Microsoft.AspNetCore.Html;
using Microsoft.Data.Analysis;

namespace Lambench.Notebooks;

/// <summary>
/// Turns a displayed value into MIME data, as Polyglot's formatters do: HTML content (report tables and figures) as
/// text/html, DataFrames as an HTML table of their first rows, and anything else as invariant-culture text.
/// </summary>
public static class OutputFormatter
{
    public const int DataFrameRowsShown = 20;

    public static IReadOnlyDictionary<string, string> Format(object value)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (value)
        {
            case DataFrame frame:
                data["text/html"] = DataFrameHtml(frame);
                data["text/plain"] = Shape(frame);
                break;
            case IHtmlContent html:
                using (var writer = new StringWriter(CultureInfo.InvariantCulture))
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    data["text/html"] = writer.ToString();
                }

                if (value is ReportTable or ReportFigure)
                {
                    data["text/plain"] = value is ReportFigure figure ? figure.Caption : value.ToString()!;
                }

                break;
            case IFormattable formattable:
                data["text/plain"] = formattable.ToString(null, CultureInfo.InvariantCulture);
                break;
            default:
                data["text/plain"] = value.ToString() ?? string.Empty;
                break;
        }

        return data;
    }

    private static string Shape(DataFrame frame) =>
        string.Create(CultureInfo.InvariantCulture, $"DataFrame: {frame.Rows.Count} rows × {frame.Columns.Count} columns");

    private static string DataFrameHtml(DataFrame frame)
    {
        var html = new StringBuilder("<table class=\"dataframe\">\n<thead><tr>");
        foreach (var column in frame.Columns)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(column.Name)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        var shown = Math.Min(frame.Rows.Count, DataFrameRowsShown);
        for (long row = 0; row < shown; row++)
        {
            html.Append("<tr>");
            foreach (var column in frame.Columns)
            {
                var cell = column[row];
                var numeric = cell is IFormattable and not DateTime and not DateTimeOffset;
                html.Append(numeric ? "<td class=\"num\">" : "<td>")
                    .Append(WebUtility.HtmlEncode(cell is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : cell?.ToString()))
                    .Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n<p class=\"files\">").Append(WebUtility.HtmlEncode(Shape(frame)));
        if (shown < frame.Rows.Count)
        {
            html.Append(CultureInfo.InvariantCulture, $"; the first {shown} rows shown");
        }

        return html.Append("</p>\n").ToString();
    }
}
