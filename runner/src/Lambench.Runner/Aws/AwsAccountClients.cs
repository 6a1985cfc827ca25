namespace Lambench.Runner.Aws;

/// <summary>The clients `doctor` needs in one region: STS, CloudFormation, Lambda, Logs and CloudWatch.</summary>
public sealed record AwsAccountClients(string Region, IIdentityApi Identity, IStacksApi Stacks, ILambdaApi Lambda, ILogsApi Logs, IMetricsApi Metrics)
{
    /// <summary>The AWS way: endpoints as configured (else public), credentials from the SDK's chain.</summary>
    public static AwsAccountClients Aws(HttpClient http, string region) => new(
        region,
        new StsClient(http, AwsEndpoint.Public("sts", region)),
        new CloudFormationClient(http, AwsEndpoint.Public("cloudformation", region)),
        new LambdaClient(http, AwsEndpoint.Public("lambda", region)),
        new LogsClient(http, AwsEndpoint.Public("logs", region)),
        new MetricsClient(http, AwsEndpoint.Public("monitoring", region)));

    /// <summary>One endpoint for every service with fixed credentials (a stand-in such as moto in tests).</summary>
    public static AwsAccountClients Fixed(HttpClient http, Uri endpoint, string region, string accessKey, string secretKey)
    {
        var signing = AwsEndpoint.Fixed(endpoint, region, accessKey, secretKey);
        return new(region, new StsClient(http, signing), new CloudFormationClient(http, signing), new LambdaClient(http, signing), new LogsClient(http, signing), new MetricsClient(http, signing));
    }
}
