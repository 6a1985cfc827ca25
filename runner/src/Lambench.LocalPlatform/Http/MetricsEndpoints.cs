using System.Globalization;
using System.Xml.Linq;
using Lambench.LocalPlatform.Metrics;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch's GetMetricStatistics in its query protocol (botocore's cloudwatch model: Action=GetMetricStatistics,
/// an XML answer), for the AWS/Lambda count metrics of <see cref="MetricStore"/> by FunctionName. Every data point of a
/// count metric is 1, so Sum and SampleCount are the count and Average, Minimum and Maximum are 1.
/// </summary>
internal static class MetricsEndpoints
{
    public const string Action = "GetMetricStatistics";
    private static readonly XNamespace Xmlns = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    private static readonly string[] Metrics = [MetricStore.Invocations, MetricStore.Errors, MetricStore.Throttles];

    public static IResult Handle(MetricStore store, IFormCollection form)
    {
        string? Value(string key) => form[key].FirstOrDefault();
        var metric = Value("MetricName");
        if (Value("Namespace") != "AWS/Lambda" || metric is null || !Metrics.Contains(metric))
        {
            return Error("InvalidParameterValue", $"the local platform keeps AWS/Lambda {string.Join(", ", Metrics)}, not {Value("Namespace")} {metric}");
        }

        var dimensions = Enumerable.Range(1, 10).Select(i => (Name: Value($"Dimensions.member.{i}.Name"), Value: Value($"Dimensions.member.{i}.Value"))).TakeWhile(d => d.Name is not null).ToList();
        if (dimensions is not [("FunctionName", { } function)])
        {
            return Error("InvalidParameterCombination", "the local platform answers for one dimension, FunctionName");
        }

        if (!DateTimeOffset.TryParse(Value("StartTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)
            || !DateTimeOffset.TryParse(Value("EndTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var end)
            || !int.TryParse(Value("Period"), NumberStyles.None, CultureInfo.InvariantCulture, out var period) || period < 60 || period % 60 != 0)
        {
            return Error("InvalidParameterValue", "StartTime, EndTime (ISO 8601) and a Period that is a multiple of 60 are required");
        }

        var statistics = Enumerable.Range(1, 5).Select(i => Value($"Statistics.member.{i}")).OfType<string>().ToList();
        if (statistics.Count == 0)
        {
            return Error("MissingParameter", "Statistics is required");
        }

        var points = store.Sums(function, metric, start, end, period).Select(p => new XElement(Xmlns + "member",
            new XElement(Xmlns + "Timestamp", p.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)),
            statistics.Select(s => new XElement(Xmlns + s, (s is "Sum" or "SampleCount" ? p.Sum : 1).ToString("F1", CultureInfo.InvariantCulture))),
            new XElement(Xmlns + "Unit", "Count")));
        var document = new XElement(Xmlns + "GetMetricStatisticsResponse",
            new XElement(Xmlns + "GetMetricStatisticsResult", new XElement(Xmlns + "Label", metric), new XElement(Xmlns + "Datapoints", points)),
            new XElement(Xmlns + "ResponseMetadata", new XElement(Xmlns + "RequestId", Guid.NewGuid().ToString())));
        return Results.Text(document.ToString(SaveOptions.DisableFormatting), "text/xml");
    }

    private static IResult Error(string code, string message) => AwsErrors.Query(Xmlns, code, message);
}
