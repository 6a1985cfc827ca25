using Lambench.Core.Metrics;
using Lambench.LocalPlatform.Metrics;

namespace Lambench.LocalPlatform.Tests;

/// <summary>The statistic sets the store keeps per minute, worked out by hand from the values put in.</summary>
public sealed class MetricStoreTests
{
    private static readonly DateTimeOffset Minute = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static EmbeddedMetricDocument Document(DateTimeOffset at, string function, params double[] latencies)
    {
        var text = $$"""{"_aws": {"Timestamp": {{at.ToUnixTimeMilliseconds()}}, "CloudWatchMetrics": [{"Namespace": "Lambench", "Dimensions": [["FunctionName", "Operation"]], "Metrics": [{"Name": "OperationLatency", "Unit": "Milliseconds"}]}]}, "FunctionName": "{{function}}", "Operation": "GetItem", "OperationLatency": [{{string.Join(",", latencies.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)))}}]}""";
        Assert.True(EmbeddedMetricFormat.TryParse(text, out var document, out var reason), reason);
        return document!;
    }

    private static MetricSeries Series(string function, params (string, string)[] extra) =>
        new("Lambench", "OperationLatency", [.. extra.Select(e => KeyValuePair.Create(e.Item1, e.Item2)), new("FunctionName", function)]);

    [Fact]
    public void Values_become_per_minute_statistic_sets_and_periods_merge_their_minutes()
    {
        var store = new MetricStore();
        store.Put(Document(Minute.AddSeconds(5), "f", 10, 20));
        store.Put(Document(Minute.AddSeconds(59), "f", 6));
        store.Put(Document(Minute.AddMinutes(1), "f", 40));
        store.Put(Document(Minute.AddMinutes(1), "g", 1000)); // another function: another series

        // Dimensions in any order name the same series.
        var minutes = store.Statistics(Series("f", ("Operation", "GetItem")), Minute, Minute.AddMinutes(2), 60);
        Assert.Equal([Minute, Minute.AddMinutes(1)], minutes.Select(m => m.Start));
        var first = minutes[0].Statistics;
        Assert.Equal((3L, 36.0, 6.0, 20.0, 12.0, "Milliseconds"), (first.SampleCount, first.Sum, first.Minimum, first.Maximum, first.Average, first.Unit));

        var period = Assert.Single(store.Statistics(Series("f", ("Operation", "GetItem")), Minute, Minute.AddMinutes(2), 120)).Statistics;
        Assert.Equal((4L, 76.0, 6.0, 40.0, 19.0), (period.SampleCount, period.Sum, period.Minimum, period.Maximum, period.Average));

        // The window is [start, end): the second minute is outside a window that ends where it begins.
        Assert.Single(store.Statistics(Series("f", ("Operation", "GetItem")), Minute, Minute.AddMinutes(1), 60));
        // A series asked for with fewer dimensions is not the one written.
        Assert.Empty(store.Statistics(Series("f"), Minute, Minute.AddMinutes(2), 60));
    }

    [Fact]
    public void Lambda_counts_are_points_of_one()
    {
        var store = new MetricStore();
        store.Add("f", MetricStore.Throttles, Minute);
        store.Add("f", MetricStore.Throttles, Minute.AddSeconds(30));
        var set = Assert.Single(store.Statistics(new MetricSeries("AWS/Lambda", "Throttles", [new("FunctionName", "f")]), Minute, Minute.AddMinutes(1), 60)).Statistics;
        Assert.Equal((2L, 2.0, 1.0, 1.0, "Count"), (set.SampleCount, set.Sum, set.Minimum, set.Maximum, set.Unit));
        Assert.Equal([(Minute, 2L)], store.Sums("f", MetricStore.Throttles, Minute, Minute.AddMinutes(1), 60));
    }
}
