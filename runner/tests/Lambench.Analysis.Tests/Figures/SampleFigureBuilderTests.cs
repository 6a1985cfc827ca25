using System.Text.Json;
using Lambench.Analysis.Figures;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tests.Figures;

/// <summary>
/// The ECDF, histogram and drift figures. The histogram's bins are checked against numpy (the values in the comments
/// are what <c>np.histogram(v, bins="fd")</c> and <c>bins="sturges"</c> return), the ECDF and the bucket medians by hand.
/// </summary>
public sealed class SampleFigureBuilderTests
{
    [Fact]
    public void Histogram_bins_are_numpys_freedman_diaconis_bins()
    {
        // numpy 1.24.2: np.histogram([1, 2, 2.5, 3, 3.5, 4, 10, 4.2, 3.3, 2.2, 1.9, 5.5], bins="fd")
        // IQR = 4.05 − 2.15 = 1.9, width 2·1.9·12^(−1/3) = 1.6601, ⌈9 / 1.6601⌉ = 6 bins of 1.5 from 1 to 10:
        // counts [4, 4, 2, 1, 0, 1].
        var bins = HistogramBins.Of([1, 2, 2.5, 3, 3.5, 4, 10, 4.2, 3.3, 2.2, 1.9, 5.5]);
        Assert.Equal([1, 2.5, 4, 5.5, 7, 8.5, 10], bins.Edges);
        Assert.Equal([4L, 4, 2, 1, 0, 1], bins.Counts);
        Assert.Equal(1.5, bins.Width, 12);
        Assert.Equal([1.75, 3.25, 4.75, 6.25, 7.75, 9.25], bins.Centres);
    }

    [Fact]
    public void Where_the_iqr_is_zero_the_bins_are_sturges()
    {
        // np.histogram([5, 5, 5, 5, 5, 5, 9], bins="sturges"): ⌈log2 7 + 1⌉ = 4 bins of 1 from 5 to 9, counts [6, 0, 0, 1].
        var bins = HistogramBins.Of([5, 5, 5, 5, 5, 5, 9]);
        Assert.Equal([5.0, 6, 7, 8, 9], bins.Edges);
        Assert.Equal([6L, 0, 0, 1], bins.Counts);
        // One value only: np.histogram([3, 3, 3], bins="sturges") is one bin from 2.5 to 3.5 holding all three.
        Assert.Equal([2.5, 3.5], HistogramBins.Of([3, 3, 3]).Edges);
        Assert.Equal([3L], HistogramBins.Of([3, 3, 3]).Counts);
    }

    [Fact]
    public void A_wide_sample_gets_at_most_the_maximum_number_of_bins()
    {
        // 1,000 values 0..999 and one at 1e6: Freedman–Diaconis would ask for 3,998 bins.
        var bins = HistogramBins.Of([.. Enumerable.Range(0, 1000).Select(i => (double)i), 1e6]);
        Assert.Equal(HistogramBins.MaxBins, bins.Counts.Length);
        Assert.Equal(1001, bins.Counts.Sum());
    }

    [Fact]
    public void The_ecdf_steps_through_every_value_and_above_the_limit_through_the_quantiles()
    {
        // [1, 2, 2, 5]: 0 at the minimum, then 1/4, 2/4, 3/4, 1 (a tie is two steps at one x; drawn "hv" it is one riser).
        var (x, y) = SampleFigureBuilder.EcdfPoints([1, 2, 2, 5]);
        Assert.Equal([1.0, 1, 2, 2, 5], x);
        Assert.Equal([0, 0.25, 0.5, 0.75, 1], y);

        // 0, 1, … 2000: the linear quantile at k/1000 is 2k, by hand.
        var (qx, qy) = SampleFigureBuilder.EcdfPoints(Enumerable.Range(0, 2001).Select(i => (double)i).ToArray());
        Assert.Equal(1001, qx.Length);
        Assert.Equal((1000.0, 0.5), (qx[500], qy[500]));
        Assert.Equal((0.0, 2000.0), (qx[0], qx[^1]));
    }

    [Fact]
    public void Drift_is_every_invocation_or_above_the_limit_the_medians_of_buckets()
    {
        int[] few = [0, 3, 4];
        double[] durations = [10, 20, 30, 40, 50];
        var (fewX, fewY) = SampleFigureBuilder.DriftPoints(few, durations);
        Assert.Equal([1.0, 4, 5], fewX);
        Assert.Equal([10.0, 40, 50], fewY);

        // 4,000 invocations taking 0, 1, … 3999 ms: 500 buckets of 8; the first holds positions 1..8 (median 4.5) and
        // durations 0..7 (median 3.5), the last positions 3993..4000 and durations 3992..3999.
        var many = Enumerable.Range(0, 4000).ToArray();
        var (x, y) = SampleFigureBuilder.DriftPoints(many, many.Select(i => (double)i).ToArray());
        Assert.Equal(SampleFigureBuilder.DriftBuckets, x.Length);
        Assert.Equal((4.5, 3.5), (x[0], y[0]));
        Assert.Equal((3996.5, 3995.5), (x[^1], y[^1]));
    }

    [Fact]
    public void Drift_marks_the_cold_starts_where_they_ran_and_each_stratum_gets_a_panel()
    {
        var start = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        // Written out of order: the timestamps put the cold start (Init Duration) third.
        var invocations = new[] { (2, 12.0, false), (0, 10.0, false), (3, 13.0, false), (1, 300.0, true) }
            .Select(r => new InvocationRecord { Configuration = "a", RequestId = $"r{r.Item1}", DurationMs = r.Item2, InitDurationMs = r.Item3 ? 150 : null, TimestampUtc = start.AddSeconds(r.Item1) })
            .Append(new InvocationRecord { Configuration = "b", RequestId = "b0", DurationMs = 7, TimestampUtc = start })
            .ToList();
        var figure = new SampleFigureBuilder(new FigureComposer(ReportLanguage.English)).Drift(StratumSamples.From(invocations));
        var root = JsonDocument.Parse(figure.FigureJson).RootElement;
        var traces = root.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["warm", "cold", "warm"], traces.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal([1.0, 3, 4], traces[0].GetProperty("x").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([10.0, 12, 13], traces[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal((2.0, 300.0), (traces[1].GetProperty("x")[0].GetDouble(), traces[1].GetProperty("y")[0].GetDouble()));
        Assert.Equal("x", traces[1].GetProperty("marker").GetProperty("symbol").GetString()); // not told apart by colour alone
        Assert.Equal(["x", "x", "x2"], traces.Select(t => t.GetProperty("xaxis").GetString()));
        Assert.Equal([true, true, false], traces.Select(t => t.GetProperty("showlegend").GetBoolean()));
        Assert.Equal(["a", "b"], root.GetProperty("layout").GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()));
    }

    [Fact]
    public void The_thesis_data_gets_every_figure_and_each_histogram_counts_its_warm_starts()
    {
        var records = ThesisData.Records();
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(records);
        var figures = new ReportFigureBuilder(ReportLanguage.BrazilianPortuguese, PriceCatalogLoader.Load()).Build(summary, records).ToDictionary(f => f.Id);
        Assert.Equal(["percentiles", "distribution", "ecdf", "histogram", "drift", "cold-vs-warm", "cost", "price-performance", "cost-vs-p95", "grid"], figures.Keys);
        var histogram = JsonDocument.Parse(figures["histogram"].FigureJson).RootElement.GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(8, histogram.Count);
        // Each stratum: 3 rounds × 21 warm repetitions (3 of 24 are cold), one of them failed in round 2: 62.
        Assert.All(histogram, h => Assert.Equal(62, h.GetProperty("y").EnumerateArray().Sum(v => v.GetInt64())));
        var ecdf = JsonDocument.Parse(figures["ecdf"].FigureJson).RootElement;
        Assert.All(ecdf.GetProperty("data").EnumerateArray(), t => Assert.Equal(("hv", 1.0), (t.GetProperty("line").GetProperty("shape").GetString(), t.GetProperty("y").EnumerateArray().Last().GetDouble())));
        Assert.Equal("Distribuição empírica das durações das partidas quentes", ecdf.GetProperty("layout").GetProperty("title").GetProperty("text").GetString());
    }
}
