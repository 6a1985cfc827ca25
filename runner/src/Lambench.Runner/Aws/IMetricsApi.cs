namespace Lambench.Runner.Aws;

/// <summary>The CloudWatch metrics the collector reads (AWSSDK.CloudWatch is not used; <see cref="MetricsClient"/> is the substitute).</summary>
public interface IMetricsApi
{
    /// <summary>The Sum of an AWS/Lambda metric of one function over [start, end).</summary>
    Task<double> LambdaMetricSumAsync(string functionName, string metricName, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellation = default);
}
