using System.Globalization;
using Lambench.LocalPlatform.Metrics;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch's GetMetricStatistics (botocore's cloudwatch model), over every series of <see cref="MetricStore"/>: the
/// AWS/Lambda counts and what embedded metric lines declared. The request is read by the query protocol's keys
/// (a JSON request is spelled with them first, <see cref="JsonMetricsProtocol.ToForm"/>) and answered in the caller's
/// protocol. As on CloudWatch, a series nobody wrote answers with no data points, not an error, and the dimensions
/// asked for must be the series' own, all of them.
/// </summary>
internal static class MetricsEndpoints
{
    public const string StatisticsAction = "GetMetricStatistics";
    public const string DataAction = "GetMetricData";
    internal static readonly string[] KnownStatistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    /// <summary>Answers <paramref name="action"/> (GetMetricStatistics or GetMetricData); null for another action.</summary>
    public static IResult? Handle(MetricStore store, string? action, Func<string, string?> value, MetricsProtocol protocol) => action switch
    {
        StatisticsAction => Statistics(store, value, protocol),
        DataAction => MetricDataEndpoints.Handle(store, value, protocol),
        _ => null,
    };

    private static IResult Statistics(MetricStore store, Func<string, string?> value, MetricsProtocol protocol)
    {
        if (value("Namespace") is not { Length: > 0 } ns || value("MetricName") is not { Length: > 0 } metric)
        {
            return protocol.Error("MissingParameter", "Namespace and MetricName are required");
        }

        if (!TryWindow(value, out var start, out var end, out var period, out var problem))
        {
            return protocol.Error("InvalidParameterValue", problem!);
        }

        if (value("ExtendedStatistics.member.1") is not null)
        {
            return protocol.Error("InvalidParameterCombination", "the local platform keeps statistic sets, not the values percentiles need: ask for SampleCount, Average, Sum, Minimum or Maximum");
        }

        var statistics = Enumerable.Range(1, 5).Select(i => value($"Statistics.member.{i}")).OfType<string>().ToList();
        if (statistics.Count == 0 || statistics.Any(s => !KnownStatistics.Contains(s)))
        {
            return protocol.Error(statistics.Count == 0 ? "MissingParameter" : "InvalidParameterValue", $"Statistics is one or more of {string.Join(", ", KnownStatistics)}");
        }

        var series = new MetricSeries(ns, metric, Dimensions(value, "Dimensions.member"));
        var unit = value("Unit");
        var points = store.Statistics(series, start, end, period)
            .Where(p => unit is null || p.Statistics.Unit == unit)
            .Select(p => new MetricDatapoint(p.Start, statistics.Select(s => KeyValuePair.Create(s, p.Statistics.Value(s)!.Value)).ToList(), p.Statistics.Unit))
            .ToList();
        return protocol.Statistics(metric, points);
    }

    /// <summary>Dimensions.member.N.Name/Value (or a GetMetricData query's) until the first gap.</summary>
    internal static List<KeyValuePair<string, string>> Dimensions(Func<string, string?> value, string prefix) =>
        Enumerable.Range(1, 30)
            .Select(i => (Name: value($"{prefix}.{i}.Name"), Value: value($"{prefix}.{i}.Value")))
            .TakeWhile(d => d.Name is not null)
            .Select(d => new KeyValuePair<string, string>(d.Name!, d.Value ?? string.Empty))
            .ToList();

    /// <summary>StartTime and EndTime (ISO 8601) and, unless <paramref name="periodKey"/> is null, a Period that is a multiple of 60.</summary>
    internal static bool TryWindow(Func<string, string?> value, out DateTimeOffset start, out DateTimeOffset end, out int period, out string? problem, string? periodKey = "Period")
    {
        period = 60;
        problem = null;
        end = default;
        if (!DateTimeOffset.TryParse(value("StartTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start)
            || !DateTimeOffset.TryParse(value("EndTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out end))
        {
            problem = "StartTime and EndTime (ISO 8601) are required";
            return false;
        }

        if (periodKey is not null && (!int.TryParse(value(periodKey), NumberStyles.None, CultureInfo.InvariantCulture, out period) || period < 60 || period % 60 != 0))
        {
            problem = "the local platform keeps minutes: Period is a multiple of 60";
            return false;
        }

        return true;
    }
}
