using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// How CloudWatch's answers are written: the query protocol's XML (Debian's AWS CLI v2 and boto3, the runner) or the
/// JSON protocol that botocore's newer models choose (X-Amz-Target GraniteServiceVersion20100801.&lt;action&gt;).
/// </summary>
internal abstract class MetricsProtocol
{
    public static readonly MetricsProtocol Query = new QueryMetricsProtocol();
    public static readonly MetricsProtocol Json = new JsonMetricsProtocol();

    public abstract IResult Statistics(string label, IReadOnlyList<MetricDatapoint> points);

    public abstract IResult Data(IReadOnlyList<MetricDataResult> results);

    public abstract IResult Error(string code, string message);
}

/// <summary>A GetMetricStatistics data point: its period's start, the statistics asked for, and the unit.</summary>
internal sealed record MetricDatapoint(DateTimeOffset Start, IReadOnlyList<KeyValuePair<string, double>> Values, string Unit);

/// <summary>One GetMetricData query's answer.</summary>
internal sealed record MetricDataResult(string Id, string Label, IReadOnlyList<DateTimeOffset> Timestamps, IReadOnlyList<double> Values);
