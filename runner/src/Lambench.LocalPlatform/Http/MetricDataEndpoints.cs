using System.Text.RegularExpressions;
using Lambench.LocalPlatform.Metrics;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch's GetMetricData, for MetricStat queries (a series, a period, one statistic);
/// metric math (Expression) is refused. Each query answers with its timestamps and values, newest first
/// (ScanBy TimestampDescending, CloudWatch's default) or oldest first (TimestampAscending), StatusCode Complete.
/// </summary>
internal static partial class MetricDataEndpoints
{
    private const int MaxQueries = 500;

    public static IResult Handle(MetricStore store, Func<string, string?> value, MetricsProtocol protocol)
    {
        if (!MetricsEndpoints.TryWindow(value, out var start, out var end, out _, out var problem, periodKey: null))
        {
            return protocol.Error("InvalidParameterValue", problem!);
        }

        var ascending = value("ScanBy") == "TimestampAscending";
        var results = new List<MetricDataResult>();
        for (var i = 1; value($"MetricDataQueries.member.{i}.Id") is { } id; i++)
        {
            if (i > MaxQueries)
            {
                return protocol.Error("InvalidParameterValue", $"at most {MaxQueries} queries a request");
            }

            var query = $"MetricDataQueries.member.{i}";
            if (!IdPattern().IsMatch(id))
            {
                return protocol.Error("ValidationError", $"the Id '{id}' of query {i} does not start with a lowercase letter followed by letters, digits and underscores");
            }

            if (value($"{query}.Expression") is not null)
            {
                return protocol.Error("InvalidParameterValue", $"query {id}: the local platform answers MetricStat queries, not metric math");
            }

            if (Read(value, $"{query}.MetricStat") is not var (series, period, stat) || series is null)
            {
                return protocol.Error("InvalidParameterValue", $"query {id}: MetricStat needs Metric.Namespace, Metric.MetricName, a Period that is a multiple of 60 and a Stat (SampleCount, Average, Sum, Minimum or Maximum)");
            }

            if (value($"{query}.ReturnData") == "false")
            {
                continue;
            }

            var points = store.Statistics(series, start, end, period).Select(p => (p.Start, Value: p.Statistics.Value(stat)!.Value)).ToList();
            if (!ascending)
            {
                points.Reverse();
            }

            results.Add(new MetricDataResult(id, value($"{query}.Label") ?? series.Name, points.Select(p => p.Start).ToList(), points.Select(p => p.Value).ToList()));
        }

        return results.Count == 0 && value("MetricDataQueries.member.1.Id") is null
            ? protocol.Error("MissingParameter", "MetricDataQueries is required")
            : protocol.Data(results);
    }

    private static (MetricSeries? Series, int Period, string Stat)? Read(Func<string, string?> value, string prefix)
    {
        if (value($"{prefix}.Metric.Namespace") is not { Length: > 0 } ns || value($"{prefix}.Metric.MetricName") is not { Length: > 0 } name
            || !int.TryParse(value($"{prefix}.Period"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var period)
            || period < 60 || period % 60 != 0
            || value($"{prefix}.Stat") is not { } stat || !MetricsEndpoints.KnownStatistics.Contains(stat))
        {
            return null;
        }

        return (new MetricSeries(ns, name, MetricsEndpoints.Dimensions(value, $"{prefix}.Metric.Dimensions.member")), period, stat);
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex IdPattern();
}
