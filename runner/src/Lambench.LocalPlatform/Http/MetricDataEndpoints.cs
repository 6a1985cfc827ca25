using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lambench.LocalPlatform.Metrics;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch's GetMetricData in the query protocol, for MetricStat queries (a series, a period, one statistic);
/// metric math (Expression) is refused. Each query answers with its timestamps and values, newest first
/// (ScanBy TimestampDescending, CloudWatch's default) or oldest first (TimestampAscending), StatusCode Complete.
/// </summary>
internal static partial class MetricDataEndpoints
{
    private const int MaxQueries = 500;

    public static IResult Handle(MetricStore store, IFormCollection form)
    {
        string? Value(string key) => form[key].FirstOrDefault();
        if (!MetricsEndpoints.TryWindow(Value, out var start, out var end, out _, out var problem, periodKey: null))
        {
            return MetricsEndpoints.Error("InvalidParameterValue", problem!);
        }

        var ascending = Value("ScanBy") == "TimestampAscending";
        var results = new List<XElement>();
        for (var i = 1; Value($"MetricDataQueries.member.{i}.Id") is { } id; i++)
        {
            if (i > MaxQueries)
            {
                return MetricsEndpoints.Error("InvalidParameterValue", $"at most {MaxQueries} queries a request");
            }

            var query = $"MetricDataQueries.member.{i}";
            if (!IdPattern().IsMatch(id))
            {
                return MetricsEndpoints.Error("ValidationError", $"the Id '{id}' of query {i} does not start with a lowercase letter followed by letters, digits and underscores");
            }

            if (Value($"{query}.Expression") is not null)
            {
                return MetricsEndpoints.Error("InvalidParameterValue", $"query {id}: the local platform answers MetricStat queries, not metric math");
            }

            if (Read(Value, $"{query}.MetricStat") is not var (series, period, stat) || series is null)
            {
                return MetricsEndpoints.Error("InvalidParameterValue", $"query {id}: MetricStat needs Metric.Namespace, Metric.MetricName, a Period that is a multiple of 60 and a Stat (SampleCount, Average, Sum, Minimum or Maximum)");
            }

            if (Value($"{query}.ReturnData") == "false")
            {
                continue;
            }

            var points = store.Statistics(series, start, end, period).Select(p => (p.Start, Value: p.Statistics.Value(stat)!.Value)).ToList();
            if (!ascending)
            {
                points.Reverse();
            }

            var ns = MetricsEndpoints.Xmlns;
            results.Add(new XElement(ns + "member",
                new XElement(ns + "Id", id),
                new XElement(ns + "Label", Value($"{query}.Label") ?? series.Name),
                new XElement(ns + "Timestamps", points.Select(p => new XElement(ns + "member", MetricsEndpoints.Time(p.Start)))),
                new XElement(ns + "Values", points.Select(p => new XElement(ns + "member", MetricsEndpoints.Number(p.Value)))),
                new XElement(ns + "StatusCode", "Complete")));
        }

        return results.Count == 0 && Value("MetricDataQueries.member.1.Id") is null
            ? MetricsEndpoints.Error("MissingParameter", "MetricDataQueries is required")
            : MetricsEndpoints.Answer(MetricsEndpoints.DataAction, new XElement(MetricsEndpoints.Xmlns + "MetricDataResults", results), new XElement(MetricsEndpoints.Xmlns + "Messages"));
    }

    private static (MetricSeries? Series, int Period, string Stat)? Read(Func<string, string?> value, string prefix)
    {
        if (value($"{prefix}.Metric.Namespace") is not { Length: > 0 } ns || value($"{prefix}.Metric.MetricName") is not { Length: > 0 } name
            || !int.TryParse(value($"{prefix}.Period"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var period)
            || period < 60 || period % 60 != 0
            || value($"{prefix}.Stat") is not ("SampleCount" or "Average" or "Sum" or "Minimum" or "Maximum") || value($"{prefix}.Stat") is not { } stat)
        {
            return null;
        }

        return (new MetricSeries(ns, name, MetricsEndpoints.Dimensions(value, $"{prefix}.Metric.Dimensions.member")), period, stat);
    }

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]*$")]
    private static partial Regex IdPattern();
}
