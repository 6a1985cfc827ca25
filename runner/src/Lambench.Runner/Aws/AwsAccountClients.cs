namespace Lambench.Runner.Aws;

/// <summary>The clients `doctor` needs in one region: STS, CloudFormation, Lambda, Logs and CloudWatch.</summary>
public sealed record AwsAccountClients(string Region, IIdentityApi Identity, IStacksApi Stacks, ILambdaApi Lambda, ILogsApi Logs, IMetricsApi Metrics)
{
    /// <summary>
    /// A check's calls are short: a silent endpoint fails each within 10 s, and within 20 s with its retries, so
    /// `doctor` says what is wrong in seconds.
    /// </summary>
    public static readonly AwsCallPolicy CheckPolicy = new() { AttemptTimeout = TimeSpan.FromSeconds(10), Deadline = TimeSpan.FromSeconds(20), ConnectionAttempts = 2 };

    /// <summary>The AWS way: endpoints as configured (else public), credentials from the SDK's chain.</summary>
    public static AwsAccountClients Aws(HttpClient http, string region, AwsCallPolicy? policy = null)
    {
        AwsEndpoint Endpoint(string service) => AwsEndpoint.Public(service, region) with { Policy = policy ?? CheckPolicy };
        return new(region, new StsClient(http, Endpoint("sts")), new CloudFormationClient(http, Endpoint("cloudformation")),
            new LambdaClient(http, Endpoint("lambda")), new LogsClient(http, Endpoint("logs")), new MetricsClient(http, Endpoint("monitoring")));
    }

    /// <summary>One endpoint for every service with fixed credentials (a stand-in such as moto in tests).</summary>
    public static AwsAccountClients Fixed(HttpClient http, Uri endpoint, string region, string accessKey, string secretKey)
    {
        var signing = AwsEndpoint.Fixed(endpoint, region, accessKey, secretKey);
        return new(region, new StsClient(http, signing), new CloudFormationClient(http, signing), new LambdaClient(http, signing), new LogsClient(http, signing), new MetricsClient(http, signing));
    }
}
