using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>CloudWatch's answers in the query protocol: XML in the 2010-08-01 namespace.</summary>
internal sealed class QueryMetricsProtocol : MetricsProtocol
{
    private static readonly XNamespace Xmlns = "http://monitoring.amazonaws.com/doc/2010-08-01/";

    public override IResult Statistics(string label, IReadOnlyList<MetricDatapoint> points) =>
        Answer(MetricsEndpoints.StatisticsAction,
            new XElement(Xmlns + "Label", label),
            new XElement(Xmlns + "Datapoints", points.Select(p => new XElement(Xmlns + "member",
                new XElement(Xmlns + "Timestamp", Time(p.Start)),
                p.Values.Select(v => new XElement(Xmlns + v.Key, Number(v.Value))),
                new XElement(Xmlns + "Unit", p.Unit)))));

    public override IResult Data(IReadOnlyList<MetricDataResult> results) =>
        Answer(MetricsEndpoints.DataAction,
            new XElement(Xmlns + "MetricDataResults", results.Select(r => new XElement(Xmlns + "member",
                new XElement(Xmlns + "Id", r.Id),
                new XElement(Xmlns + "Label", r.Label),
                new XElement(Xmlns + "Timestamps", r.Timestamps.Select(t => new XElement(Xmlns + "member", Time(t)))),
                new XElement(Xmlns + "Values", r.Values.Select(v => new XElement(Xmlns + "member", Number(v)))),
                new XElement(Xmlns + "StatusCode", "Complete")))),
            new XElement(Xmlns + "Messages"));

    public override IResult Error(string code, string message) => AwsErrors.Query(Xmlns, code, message);

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static IResult Answer(string action, params object[] result)
    {
        var document = new XElement(Xmlns + (action + "Response"),
            new XElement(Xmlns + (action + "Result"), result),
            new XElement(Xmlns + "ResponseMetadata", new XElement(Xmlns + "RequestId", Guid.NewGuid().ToString())));
        return Results.Text(document.ToString(SaveOptions.DisableFormatting), "text/xml");
    }
}
