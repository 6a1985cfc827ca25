using System.Globalization;
using System.Xml.Linq;

namespace Lambench.Runner.Aws;

/// <summary>
/// CloudWatch's GetMetricStatistics in its query protocol (form in, XML out; botocore's cloudwatch model), SigV4-signed
/// for the monitoring service and retried on throttling: the one call the collector makes, for the Throttles metric.
/// </summary>
public sealed class MetricsClient(HttpClient http, AwsEndpoint endpoint) : IMetricsApi
{
    private readonly SignedHttpClient client = new(http, endpoint, "monitoring");

    public int Requests => client.Requests;

    public async Task<double> LambdaMetricSumAsync(string functionName, string metricName, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellation = default)
    {
        // At most 1,440 data points a call: the period grows with the window, in whole minutes.
        var minutes = Math.Max(1, (long)Math.Ceiling((end - start).TotalMinutes));
        var period = 60 * (long)Math.Ceiling(minutes / 1440.0);
        var form = new Dictionary<string, string>
        {
            ["Action"] = "GetMetricStatistics",
            ["Version"] = "2010-08-01",
            ["Namespace"] = "AWS/Lambda",
            ["MetricName"] = metricName,
            ["Dimensions.member.1.Name"] = "FunctionName",
            ["Dimensions.member.1.Value"] = functionName,
            ["StartTime"] = start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["EndTime"] = end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["Period"] = period.ToString(CultureInfo.InvariantCulture),
            ["Statistics.member.1"] = "Sum",
        };
        var document = await client.SendQueryAsync(form, cancellation);
        return document.Descendants().Where(e => e.Name.LocalName == "Datapoints").Elements()
            .Sum(point => double.Parse(point.Elements().First(e => e.Name.LocalName == "Sum").Value, CultureInfo.InvariantCulture));
    }
}
