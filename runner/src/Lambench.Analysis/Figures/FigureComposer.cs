using System.Text.Json.Nodes;
using Newtonsoft.Json;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Turns a Plotly.NET chart into a report figure: the figure JSON with a title, axis titles and number separators in
/// the report's language, one size and font for print, and then <see cref="FigurePrintStyle"/>. Every figure builder
/// goes through here, so all figures share one frame.
/// </summary>
public sealed class FigureComposer(ReportLanguage language)
{
    /// <summary>Bars start at zero so their heights compare; box plots and percentile lines zoom to the data.</summary>
    private static readonly HashSet<string> ZeroBased = ["cold-vs-warm", "cost", "cost-vs-p95", "price-performance", "histogram"];

    public ReportLanguage Language => language;

    public string L(string en, string pt) => language.T(en, pt);

    public ReportFigure Compose(string id, string title, Plotly.NET.GenericChart chart, string xTitle, string yTitle, string caption, Action<JsonObject>? patch = null)
    {
        var figure = new JsonObject { ["data"] = TracesJson(chart) };
        foreach (var trace in figure["data"]!.AsArray())
        {
            // Small samples: show every invocation over its box, so five points are not mistaken for a distribution.
            if (trace!["type"]?.GetValue<string>() == "box" && trace["y"]?.AsArray().Count <= 200)
            {
                trace["boxpoints"] = "all";
                trace["jitter"] = 0.3;
                trace["pointpos"] = 0;
            }
        }

        var layout = new JsonObject
        {
            ["title"] = new JsonObject { ["text"] = title },
            ["xaxis"] = Axis(xTitle, zeroBased: false),
            ["yaxis"] = Axis(yTitle, ZeroBased.Contains(id)),
            ["width"] = 720,
            ["height"] = 440,
            ["paper_bgcolor"] = "white",
            ["plot_bgcolor"] = "white",
            ["font"] = new JsonObject { ["family"] = "DejaVu Sans, Arial, sans-serif", ["size"] = 14 },
            ["separators"] = language.IsPortuguese ? ",." : ".,",
            ["margin"] = new JsonObject { ["t"] = 70 },
        };
        if (id == "cold-vs-warm")
        {
            layout["barmode"] = "stack";
        }

        figure["layout"] = layout;
        // The patch sees the whole figure, layout included, so that it can lay out subplots or annotations.
        patch?.Invoke(figure);
        FigurePrintStyle.Apply(figure, id);
        return new ReportFigure(id, title, figure.ToJsonString(), caption);
    }

    /// <summary>
    /// The chart's traces as plotly.js JSON, as they are in <c>GenericChart.toFigureJson</c>'s "data". The layout is
    /// always this composer's, so only the traces are serialised: the whole figure carries Plotly.NET's default
    /// template, which took 150–500 ms a figure to serialise against well under 1 ms for the traces.
    /// </summary>
    public static JsonArray TracesJson(Plotly.NET.GenericChart chart) =>
        JsonNode.Parse(JsonConvert.SerializeObject(Plotly.NET.GenericChart.getTraces(chart)))!.AsArray();

    public static JsonObject Axis(string title, bool zeroBased) => new()
    {
        ["title"] = new JsonObject { ["text"] = title },
        ["automargin"] = true,
        ["rangemode"] = zeroBased ? "tozero" : "normal",
        ["separatethousands"] = true,
    };
}
