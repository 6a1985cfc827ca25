using System.Text.Json.Nodes;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Lays out one panel per stratum in two columns (one when there is a single panel), each panel with its own axes, so
/// a 5 ms Go stratum and a 300 ms Python one are each drawn at their own scale. Panel titles are annotations above
/// each panel; the x title sits under the bottom row, the y title beside the left column.
/// </summary>
public static class SmallMultiples
{
    private const int PanelHeightPx = 190, TopPx = 70, BottomPx = 80, TitleRoomPx = 26, TickRoomPx = 26;

    /// <param name="panelOfTrace">the panel (0-based) each trace of the figure is drawn in, in trace order.</param>
    public static void Apply(JsonObject figure, IReadOnlyList<string> panelTitles, IReadOnlyList<int> panelOfTrace)
    {
        var layout = figure["layout"]!.AsObject();
        var traces = figure["data"]!.AsArray().OfType<JsonObject>().ToList();
        var columns = panelTitles.Count == 1 ? 1 : 2;
        var rows = (panelTitles.Count + columns - 1) / columns;
        var height = TopPx + BottomPx + rows * PanelHeightPx;
        double plotHeight = height - TopPx - BottomPx;
        var (xTitle, yTitle) = (layout["xaxis"]!["title"]!.DeepClone(), layout["yaxis"]!["title"]!.DeepClone());
        var template = (X: layout["xaxis"]!.DeepClone().AsObject(), Y: layout["yaxis"]!.DeepClone().AsObject());
        layout.Remove("xaxis");
        layout.Remove("yaxis");
        var annotations = new JsonArray();
        for (var panel = 0; panel < panelTitles.Count; panel++)
        {
            var (row, column) = (panel / columns, panel % columns);
            var suffix = panel == 0 ? string.Empty : (panel + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            double left = (double)column / columns + (column == 0 ? 0 : 0.06), right = (double)(column + 1) / columns - (column == columns - 1 ? 0 : 0.06);
            double top = 1 - (double)row / rows - TitleRoomPx / plotHeight, bottom = 1 - (double)(row + 1) / rows + TickRoomPx / plotHeight;
            var x = template.X.DeepClone().AsObject();
            var y = template.Y.DeepClone().AsObject();
            x["domain"] = new JsonArray(left, right);
            y["domain"] = new JsonArray(bottom, top);
            x["anchor"] = "y" + suffix;
            y["anchor"] = "x" + suffix;
            // A small panel's lowest y label would sit on its first x label at the corner: y labels go above their ticks.
            y["ticklabelposition"] = "outside top";
            // Titles once: under the last panel of each column, beside the first column.
            x["title"] = panel + columns >= panelTitles.Count ? xTitle.DeepClone() : new JsonObject { ["text"] = string.Empty };
            y["title"] = column == 0 ? yTitle.DeepClone() : new JsonObject { ["text"] = string.Empty };
            layout["xaxis" + suffix] = x;
            layout["yaxis" + suffix] = y;
            annotations.Add(new JsonObject
            {
                ["text"] = panelTitles[panel], ["showarrow"] = false, ["xref"] = "paper", ["yref"] = "paper",
                ["x"] = (left + right) / 2, ["y"] = top, ["xanchor"] = "center", ["yanchor"] = "bottom", ["yshift"] = 4,
                ["font"] = new JsonObject { ["size"] = 13 },
            });
        }

        for (var i = 0; i < traces.Count; i++)
        {
            var suffix = panelOfTrace[i] == 0 ? string.Empty : (panelOfTrace[i] + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            traces[i]["xaxis"] = "x" + suffix;
            traces[i]["yaxis"] = "y" + suffix;
        }

        layout["annotations"] = annotations;
        layout["height"] = height;
        layout["margin"] = new JsonObject { ["t"] = TopPx, ["b"] = BottomPx };
    }
}
