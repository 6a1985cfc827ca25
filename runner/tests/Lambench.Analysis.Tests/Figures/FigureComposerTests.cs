using System.Text.Json.Nodes;
using Lambench.Analysis.Figures;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>
/// The composer serialises a chart's traces alone. What it writes is checked against Plotly.NET's own serialisation
/// of the whole figure (<c>GenericChart.toFigureJson</c>), whose "data" must be the same JSON for every kind of chart
/// the report draws.
/// </summary>
public sealed class FigureComposerTests
{
    public static TheoryData<string> Kinds => ["line", "box", "column", "stacked", "point", "combined"];

    private static Plotly.NET.GenericChart Chart(string kind) => kind switch
    {
        "line" => Plotly.NET.CSharp.Chart.Line<double, double, string>(x: [0.3, 1, 2], y: [4.5, double.NaN, 7.25], ShowMarkers: true, Name: "go-arm64"),
        "box" => Plotly.NET.CSharp.Chart.BoxPlot<string, double, string>(Y: new[] { 1.5, 2, 2.5, 40 }, Name: "python (cold)"),
        "column" => Plotly.NET.CSharp.Chart.Column<double, string, string>(values: [0.0000021, 3e-9], Keys: new[] { "a", "b" }, Name: "cost"),
        "stacked" => Plotly.NET.CSharp.Chart.StackedColumn<double, string, string>(values: [12.5, 0.25], Keys: new[] { "Init", "Duration" }, Name: "warm"),
        "point" => Plotly.NET.CSharp.Chart.Point<double, double, string>(x: [1, 2], y: [3, 4], Name: "p", MultiText: new[] { "x86_64", "arm64" }),
        _ => Plotly.NET.CSharp.Chart.Combine([Chart("line"), Chart("box"), Chart("stacked")]),
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_traces_are_the_data_of_plotly_nets_own_figure_json(string kind)
    {
        var chart = Chart(kind);
        var plotlys = JsonNode.Parse(Plotly.NET.GenericChart.toFigureJson(chart))!["data"]!;

        var traces = FigureComposer.TracesJson(chart);

        Assert.NotEmpty(traces);
        Assert.True(JsonNode.DeepEquals(plotlys, traces), $"Plotly.NET: {plotlys.ToJsonString()}\ncomposer:  {traces.ToJsonString()}");
    }

    [Fact]
    public void A_composed_figure_has_the_chart_traces_and_the_composers_layout_only()
    {
        var figure = JsonNode.Parse(new FigureComposer(ReportLanguage.BrazilianPortuguese).Compose("cost", "Custo", Chart("column"), "x", "y", "legenda").FigureJson)!.AsObject();

        Assert.Equal(["data", "layout"], figure.Select(p => p.Key).Order());
        Assert.Equal("Custo", figure["layout"]!["title"]!["text"]!.GetValue<string>());
        Assert.Equal(",.", figure["layout"]!["separators"]!.GetValue<string>());
        Assert.Null(figure["layout"]!["template"]);
    }
}
