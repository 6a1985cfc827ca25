using System.Text.Json;
using Lambench.Analysis.Figures;
using Lambench.Core.Cost;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>
/// Price against performance and the runtime × architecture grid, on the thesis-sized data set: every point where its
/// summary row puts it, the arm64/x86_64 pairs joined, labels that cover neither each other nor a point.
/// </summary>
public sealed class CostFigureBuilderTests
{
    private static readonly SummaryResult Summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(ThesisData.Records());

    private static JsonElement Figure(string id) => JsonDocument.Parse(
        new CostFigureBuilder(new FigureComposer(ReportLanguage.English), PriceCatalogLoader.Load()).Build(Summary).Single(f => f.Id == id).FigureJson).RootElement;

    private static ConfigurationSummary Warm(string stratum) => Summary.Rows.Single(r => r.Stratum == stratum && r.StartType == "warm");

    [Fact]
    public void Price_performance_places_each_configuration_at_its_warm_p50_and_cost_and_joins_the_pairs()
    {
        var figure = Figure("price-performance");
        var traces = figure.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["arm64 and x86_64 pair", "arm64", "x86_64"], traces.Select(t => t.GetProperty("name").GetString()));
        var labels = figure.GetProperty("layout").GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal(8, labels.Count);
        foreach (var label in labels)
        {
            // On linear axes an annotation sits at the data values themselves: the summary's p50 and cost per million.
            var row = Warm(label.GetProperty("text").GetString()!);
            Assert.Equal(row.Duration.P50!.Value, label.GetProperty("x").GetDouble(), 9);
            Assert.Equal((double)row.CostPerMillionUsd!.Value, label.GetProperty("y").GetDouble(), 9);
        }

        // Two runtimes × two workloads: four pairs, each arm64 then x86_64 then a gap.
        var pairs = traces[0].GetProperty("x").EnumerateArray().ToList();
        Assert.Equal(12, pairs.Count);
        Assert.Equal(JsonValueKind.Null, pairs[2].ValueKind);
        var armP50s = Summary.Rows.Where(r => r.StartType == "warm" && r.Architecture == "arm64").Select(r => r.Duration.P50!.Value).Order();
        Assert.Equal(armP50s, pairs.Where((_, i) => i % 3 == 0).Select(p => p.GetDouble()).Order());
    }

    [Fact]
    public void The_p95_figure_uses_the_warm_p95()
    {
        var label = Figure("cost-vs-p95").GetProperty("layout").GetProperty("annotations")[0];
        Assert.Equal(Warm(label.GetProperty("text").GetString()!).Duration.P95!.Value, label.GetProperty("x").GetDouble(), 9);
    }

    [Fact]
    public void The_grid_has_a_row_per_runtime_and_workload_and_a_column_per_architecture()
    {
        var trace = Figure("grid").GetProperty("data")[0];
        Assert.Equal(["arm64", "x86_64"], trace.GetProperty("x").EnumerateArray().Select(x => x.GetString()));
        var rows = trace.GetProperty("y").EnumerateArray().Select(y => y.GetString()!).ToList();
        Assert.Equal(["provided.al2023 · primes-5k", "provided.al2023 · sort-2k", "python3.12 · primes-5k", "python3.12 · sort-2k"], rows);
        var z = trace.GetProperty("z");
        Assert.Equal(Warm("go-x86_64-1024mb · primes-5k").Duration.P50!.Value, z[0][1].GetDouble(), 9);
        var text = trace.GetProperty("text")[0][1].GetString()!;
        Assert.StartsWith(Warm("go-x86_64-1024mb · primes-5k").Duration.P50!.Value.ToString("N2", System.Globalization.CultureInfo.InvariantCulture) + " ms<br>", text);
        Assert.EndsWith(" USD/M", text);
    }

    [Fact]
    public void Labels_cover_neither_each_other_nor_another_point_nor_leave_the_plot()
    {
        // A crowd: two points on one spot and six close together.
        var points = new (double X, double Y, string Text)[]
        {
            (100, 100, "go-arm64-1024mb · primes-5k"), (100, 100, "python-arm64-1024mb · sort-2k"), (120, 110, "go-x86_64-1024mb · primes-5k"),
            (130, 90, "python-x86_64-1024mb · sort-2k"), (400, 20, "python-x86_64 · primes"), (10, 280, "go-arm64 · sort"),
        };
        var offsets = PointLabelPlacer.Place(points, 500, 300);
        // The placer's own text measure: 0.62 em a character plus 4 px, 1.35 em high, at 12 px.
        var boxes = points.Select((p, i) => (L: p.X + offsets[i].Dx - (p.Text.Length * 7.44 + 4) / 2, T: p.Y + offsets[i].Dy - 8.1, R: p.X + offsets[i].Dx + (p.Text.Length * 7.44 + 4) / 2, B: p.Y + offsets[i].Dy + 8.1)).ToList();
        Assert.All(boxes, b => Assert.True(b.L >= 0 && b.T >= 0 && b.R <= 500 && b.B <= 300, $"{b} leaves the plot"));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.False(boxes[i].L < boxes[j].R && boxes[j].L < boxes[i].R && boxes[i].T < boxes[j].B && boxes[j].T < boxes[i].B, $"labels {i} and {j} overlap");
            }

            Assert.All(points.Where((_, k) => k != i), p => Assert.False(p.X > boxes[i].L - 6 && p.X < boxes[i].R + 6 && p.Y > boxes[i].T - 6 && p.Y < boxes[i].B + 6, $"label {i} covers a point"));
        }
    }
}
