using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;

namespace Lambench.Analysis.Figures;

/// <summary>
/// One figure: its plotly.js figure JSON (data and layout) and a caption for the report. As <see cref="IHtmlContent"/>,
/// a notebook shows it as an interactive plot once <see cref="PlotlyScript.Html"/> has been displayed.
/// </summary>
public sealed record ReportFigure(string Id, string Title, string FigureJson, string Caption) : IHtmlContent
{
    private static int elementCount;

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        // A fresh element id per output, since a notebook may show the same figure twice; a counter, not a GUID, so that
        // rendering the same notebook twice gives the same file.
        var element = "lambench-" + Id + "-" + Interlocked.Increment(ref elementCount).ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.Write($"<figure class=\"plot\"><div id=\"{element}\"></div><figcaption>{WebUtility.HtmlEncode(Caption)}</figcaption></figure>\n");
        writer.Write("<script>(function () { const f = ");
        writer.Write(FigureJson.Replace("</", "<\\/", StringComparison.Ordinal));
        writer.Write($"; const draw = () => Plotly.newPlot({JsonSerializer.Serialize(element)}, f.data, f.layout, {{responsive: true, displaylogo: false}});");
        writer.Write(" if (window.Plotly) { draw(); } else { document.getElementById(" + JsonSerializer.Serialize(element) + ").textContent = 'plotly.js is not loaded: display PlotlyScript.Html first.'; } })();</script>\n");
    }
}
