using System.Net;
using System.Text;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Tables;

namespace Lambench.Analysis.Report;

/// <summary>The report's index.html: every table and figure on one self-contained page, plotly.js embedded once.</summary>
public static class IndexPageWriter
{
    /// <param name="dataFiles">the data files beside index.html to link (summary.csv, …, report.xlsx); null: summary.csv and comparisons.csv.</param>
    public static string Render(ReportLanguage language, IReadOnlyList<ReportTable> tables, IReadOnlyList<ReportFigure> figures, bool staticFiles, IReadOnlyList<string> inputs, IReadOnlyList<string> warnings, IReadOnlyList<string>? dataFiles = null)
    {
        string L(string en, string pt) => language.T(en, pt);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"").Append(language.Code).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(L("Lambench report", "Relatório Lambench"))).Append("</title>\n<style>\n")
            .Append(ReportStyles.Css)
            .Append("</style>\n<script>").Append(PlotlyScript.InlineSource).Append("</script>\n</head>\n<body>\n");
        html.Append("<h1>").Append(WebUtility.HtmlEncode(L("Lambench report", "Relatório Lambench"))).Append("</h1>\n");
        html.Append("<p>").Append(WebUtility.HtmlEncode(L("Inputs", "Entradas"))).Append(": ")
            .AppendJoin(", ", inputs.Select(i => "<code>" + WebUtility.HtmlEncode(i) + "</code>")).Append(". ")
            .AppendJoin(", ", (dataFiles ?? ["summary.csv", "comparisons.csv"]).Select(f => $"<a href=\"{WebUtility.HtmlEncode(f)}\">{WebUtility.HtmlEncode(f)}</a>")).Append(".</p>\n");
        foreach (var warning in warnings)
        {
            html.Append("<p class=\"warning\">⚠ ").Append(WebUtility.HtmlEncode(warning)).Append("</p>\n");
        }

        html.Append("<h2>").Append(WebUtility.HtmlEncode(L("Tables", "Tabelas"))).Append("</h2>\n");
        var exporter = new HtmlTableExporter();
        foreach (var table in tables)
        {
            html.Append(exporter.Export(table));
            html.Append("<p class=\"files\">").AppendJoin(" · ", new[] { ".md", ".html", ".tex" }.Select(e => $"<a href=\"tables/{table.Id}{e}\">{table.Id}{e}</a>")).Append("</p>\n");
        }

        html.Append("<h2>").Append(WebUtility.HtmlEncode(L("Figures", "Figuras"))).Append("</h2>\n");
        foreach (var figure in figures)
        {
            html.Append("<figure class=\"plot\">\n<div id=\"fig-").Append(figure.Id).Append("\"></div>\n<figcaption>")
                .Append(WebUtility.HtmlEncode(figure.Caption));
            if (staticFiles)
            {
                html.Append(" <span class=\"files\">(<a href=\"figures/").Append(figure.Id).Append(".svg\">SVG</a>, <a href=\"figures/")
                    .Append(figure.Id).Append(".png\">PNG</a>)</span>");
            }

            html.Append("</figcaption>\n</figure>\n");
        }

        html.Append("<script>\n");
        foreach (var figure in figures)
        {
            html.Append("(function () { const f = ").Append(figure.FigureJson).Append("; Plotly.newPlot('fig-").Append(figure.Id)
                .Append("', f.data, f.layout, {responsive: true, displaylogo: false}); })();\n");
        }

        html.Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }
}
