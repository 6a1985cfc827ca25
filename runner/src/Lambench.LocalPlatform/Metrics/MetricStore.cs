using System.Collections.Concurrent;
using Lambench.Core.Metrics;

namespace Lambench.LocalPlatform.Metrics;

/// <summary>
/// The local CloudWatch metrics, kept per minute as statistic sets (sample count, sum, minimum, maximum) by namespace,
/// name and dimensions, as CloudWatch stores standard-resolution data. Two sources fill it: the AWS/Lambda metrics the
/// platform counts per function (Invocations: every invocation that ran, failed ones included; Errors: function errors
/// and timeouts; Throttles: invocations refused with TooManyRequestsException, from any event source), each a data
/// point of 1 Count; and the metrics CloudWatch extracts from embedded-metric-format log lines.
/// </summary>
public sealed class MetricStore
{
    public const string LambdaNamespace = "AWS/Lambda";
    public const string Invocations = "Invocations";
    public const string Errors = "Errors";
    public const string Throttles = "Throttles";

    private readonly ConcurrentDictionary<(MetricSeries Series, long Minute), MetricStatistics> minutes = new();

    /// <summary>One AWS/Lambda count data point of <paramref name="function"/> (dimension FunctionName).</summary>
    public void Add(string function, string metric, DateTimeOffset at) =>
        Put(new MetricSeries(LambdaNamespace, metric, [new("FunctionName", function)]), "Count", [1], at);

    /// <summary>Every metric an embedded-metric-format document declares, at its timestamp.</summary>
    public void Put(EmbeddedMetricDocument document)
    {
        foreach (var metric in document.Metrics)
        {
            Put(new MetricSeries(metric.Namespace, metric.Name, metric.Dimensions), metric.Unit, metric.Values, document.Timestamp);
        }
    }

    private void Put(MetricSeries series, string unit, IReadOnlyList<double> values, DateTimeOffset at)
    {
        var statistics = minutes.GetOrAdd((series, at.ToUnixTimeSeconds() / 60), _ => new MetricStatistics(unit));
        foreach (var value in values)
        {
            statistics.Add(value);
        }
    }

    /// <summary>
    /// The series' statistics over [start, end) in periods of <paramref name="periodSeconds"/> (a multiple of 60):
    /// one set per period that holds data, in time order. Dimensions must match the series' exactly, as CloudWatch's.
    /// </summary>
    public IReadOnlyList<(DateTimeOffset Start, MetricStatistics Statistics)> Statistics(MetricSeries series, DateTimeOffset start, DateTimeOffset end, int periodSeconds)
    {
        var periodMinutes = Math.Max(1, periodSeconds / 60);
        var first = start.ToUnixTimeSeconds() / 60;
        var last = (end.ToUnixTimeSeconds() - 1) / 60;
        return minutes
            .Where(m => m.Key.Series.Equals(series) && m.Key.Minute >= first && m.Key.Minute <= last)
            .GroupBy(m => first + ((m.Key.Minute - first) / periodMinutes * periodMinutes))
            .OrderBy(g => g.Key)
            .Select(g => (DateTimeOffset.FromUnixTimeSeconds(g.Key * 60), MetricStatistics.Merge(g.Select(m => m.Value))))
            .ToList();
    }

    /// <summary>The Sum of a function's AWS/Lambda count metric per period (the platform's own tests and tools use it).</summary>
    public IReadOnlyList<(DateTimeOffset Start, long Sum)> Sums(string function, string metric, DateTimeOffset start, DateTimeOffset end, int periodSeconds) =>
        Statistics(new MetricSeries(LambdaNamespace, metric, [new("FunctionName", function)]), start, end, periodSeconds)
            .Select(p => (p.Start, (long)p.Statistics.Sum))
            .ToList();
}
