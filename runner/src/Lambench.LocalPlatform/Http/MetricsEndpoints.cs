using System.Globalization;
using System.Xml.Linq;
using Lambench.LocalPlatform.Metrics;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch's GetMetricStatistics and GetMetricData in the query protocol (botocore's cloudwatch model: a form with
/// Action, an XML answer), over every series of <see cref="MetricStore"/>: the AWS/Lambda counts and what embedded
/// metric lines declared. As on CloudWatch, a series nobody wrote answers with no data points, not an error, and the
/// dimensions asked for must be the series' own, all of them.
/// </summary>
internal static class MetricsEndpoints
{
    public const string StatisticsAction = "GetMetricStatistics";
    public const string DataAction = "GetMetricData";
    internal static readonly XNamespace Xmlns = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static readonly string[] KnownStatistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    public static IResult Handle(MetricStore store, IFormCollection form)
    {
        string? Value(string key) => form[key].FirstOrDefault();
        if (Value("Namespace") is not { Length: > 0 } ns || Value("MetricName") is not { Length: > 0 } metric)
        {
            return Error("MissingParameter", "Namespace and MetricName are required");
        }

        if (!TryWindow(Value, out var start, out var end, out var period, out var problem))
        {
            return Error("InvalidParameterValue", problem!);
        }

        if (form.Keys.Any(k => k.StartsWith("ExtendedStatistics.", StringComparison.Ordinal)))
        {
            return Error("InvalidParameterCombination", "the local platform keeps statistic sets, not the values percentiles need: ask for SampleCount, Average, Sum, Minimum or Maximum");
        }

        var statistics = Enumerable.Range(1, 5).Select(i => Value($"Statistics.member.{i}")).OfType<string>().ToList();
        if (statistics.Count == 0 || statistics.Any(s => !KnownStatistics.Contains(s)))
        {
            return Error(statistics.Count == 0 ? "MissingParameter" : "InvalidParameterValue", $"Statistics is one or more of {string.Join(", ", KnownStatistics)}");
        }

        var series = new MetricSeries(ns, metric, Dimensions(Value, "Dimensions.member"));
        var unit = Value("Unit");
        var points = store.Statistics(series, start, end, period)
            .Where(p => unit is null || p.Statistics.Unit == unit)
            .Select(p => new XElement(Xmlns + "member",
                new XElement(Xmlns + "Timestamp", Time(p.Start)),
                statistics.Select(s => new XElement(Xmlns + s, Number(p.Statistics.Value(s)!.Value))),
                new XElement(Xmlns + "Unit", p.Statistics.Unit)));
        return Answer(StatisticsAction, new XElement(Xmlns + "Label", metric), new XElement(Xmlns + "Datapoints", points));
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

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    internal static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static IResult Answer(string action, params object[] result)
    {
        var document = new XElement(Xmlns + (action + "Response"),
            new XElement(Xmlns + (action + "Result"), result),
            new XElement(Xmlns + "ResponseMetadata", new XElement(Xmlns + "RequestId", Guid.NewGuid().ToString())));
        return Results.Text(document.ToString(SaveOptions.DisableFormatting), "text/xml");
    }

    internal static IResult Error(string code, string message) => AwsErrors.Query(Xmlns, code, message);
}
