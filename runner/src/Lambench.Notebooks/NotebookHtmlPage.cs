using System.Net;
using System.Text;
using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Markdig;

namespace Lambench.Notebooks;

/// <summary>
/// An executed notebook as one self-contained HTML page fit for printing to PDF: Markdown cells as HTML, code (unless
/// hidden) and outputs in order, figures as their PNG where there is one (static, so print shows them exactly).
/// </summary>
public static class NotebookHtmlPage
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string NotebookCss = """
        pre.source { background: #f5f6f8; border-left: 3px solid #9aa5b1; padding: 0.6em 0.8em; font-size: 0.8em; overflow-x: auto; }
        pre.stdout { font-size: 0.8em; padding: 0 0.8em; }
        .output img { max-width: 100%; }
        table.dataframe { font-size: 0.75em; }
        /* Printed: A4 with ABNT margins (3 cm top and left, 2 cm bottom and right), text and tables at sizes that fit 16 cm. */
        @page { size: A4; margin: 30mm 20mm 20mm 30mm; }
        @media print {
          body { max-width: none; margin: 0; font-size: 10pt; }
          table, table.dataframe { font-size: 7pt; }
          th, td { padding: 0.15em 0.3em; }
          th { overflow-wrap: anywhere; }
          pre { white-space: pre-wrap; overflow-wrap: anywhere; }
          pre.source, pre.stdout { font-size: 7.5pt; }
          .output img { max-width: 100%; height: auto; }
          .cell, figure, table { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
        }
        """;

    public static string Render(NotebookExecution execution, bool hideCode)
    {
        // plotly.js (the folder's shared file, see NotebookRenderer) is only needed by figures without a PNG: a page of
        // static figures leaves its script out.
        var interactive = execution.Cells.Values.SelectMany(c => c.Outputs)
            .Any(o => o.Data.ContainsKey("text/html") && !o.Data.ContainsKey("image/png") && o.Data["text/html"] != PlotlyScript.FileReference && o.Data["text/html"].Contains("Plotly.newPlot", StringComparison.Ordinal));
        var notebook = execution.Notebook;
        var title = notebook.Cells.Where(c => c.Kind == NotebookCellKind.Markdown)
            .SelectMany(c => c.Source.Split('\n'))
            .FirstOrDefault(l => l.StartsWith("# ", StringComparison.Ordinal))?[2..].Trim()
            ?? Path.GetFileNameWithoutExtension(notebook.Path);
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"").Append(notebook.Language).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(WebUtility.HtmlEncode(title))
            .Append("</title>\n<style>\n").Append(ReportStyles.Css).Append('\n').Append(NotebookCss).Append("\n</style>\n</head>\n<body>\n");
        foreach (var cell in notebook.Cells)
        {
            switch (cell.Kind)
            {
                case NotebookCellKind.Markdown:
                    html.Append("<div class=\"cell markdown\">\n").Append(Markdig.Markdown.ToHtml(cell.Source, Pipeline)).Append("</div>\n");
                    break;
                case NotebookCellKind.Code:
                    html.Append("<div class=\"cell code\">\n");
                    if (!hideCode && cell.Source.Trim().Length > 0)
                    {
                        html.Append("<pre class=\"source\"><code>").Append(WebUtility.HtmlEncode(cell.Source.TrimEnd())).Append("</code></pre>\n");
                    }

                    if (execution.Cells.TryGetValue(cell.Number, out var executed))
                    {
                        foreach (var output in executed.Outputs)
                        {
                            if (interactive || output.Data.GetValueOrDefault("text/html") != PlotlyScript.FileReference)
                            {
                                AppendOutput(html, output);
                            }
                        }
                    }

                    html.Append("</div>\n");
                    if (cell.IsParameters && execution.Parameters.Count > 0 && !hideCode)
                    {
                        html.Append("<div class=\"cell code injected\">\n<pre class=\"source\"><code>").Append(WebUtility.HtmlEncode(NotebookDocument.InjectedSource(execution.Parameters)))
                            .Append("</code></pre>\n</div>\n");
                    }

                    break;
                case NotebookCellKind.Raw:
                    break;
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendOutput(StringBuilder html, CellOutput output)
    {
        html.Append("<div class=\"output\">\n");
        if (output.OutputType == CellOutput.Stream)
        {
            html.Append("<pre class=\"stdout\">").Append(WebUtility.HtmlEncode(output.StreamText)).Append("</pre>\n");
        }
        else if (output.Data.TryGetValue("image/png", out var png))
        {
            var caption = output.Data.GetValueOrDefault("text/plain") ?? string.Empty;
            html.Append("<figure class=\"plot\"><img alt=\"").Append(WebUtility.HtmlEncode(caption)).Append("\" src=\"data:image/png;base64,")
                .Append(png).Append("\"><figcaption>").Append(WebUtility.HtmlEncode(caption)).Append("</figcaption></figure>\n");
        }
        else if (output.Data.TryGetValue("text/html", out var fragment))
        {
            html.Append(fragment).Append('\n');
        }
        else if (output.Data.TryGetValue("text/plain", out var text))
        {
            html.Append("<pre class=\"stdout\">").Append(WebUtility.HtmlEncode(text)).Append("</pre>\n");
        }

        html.Append("</div>\n");
    }
}
