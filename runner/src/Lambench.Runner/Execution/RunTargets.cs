using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Execution;

/// <summary>The clients of a run: AWS with the SDK's credential chain, or the local platform's endpoints with its fixed key.</summary>
public static class RunTargets
{
    /// <summary>The region the AWS way: AWS_REGION, AWS_DEFAULT_REGION, then the profile's; null when none says.</summary>
    public static string? DefaultRegion()
    {
        try
        {
            return FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }

    /// <summary>AWS in <paramref name="region"/>, credentials the AWS way (environment, profiles, SSO, instance roles).</summary>
    /// <param name="policy">timeouts, deadline and progress of every call (the SDK clients get the same request timeout).</param>
    public static RunTarget Aws(HttpClient http, string stackName, string region, AwsCallPolicy? policy = null)
    {
        policy ??= AwsCallPolicy.Default;
        AwsEndpoint Endpoint(string service) => AwsEndpoint.Public(service, region) with { Policy = policy };
        var lambda = Endpoint("lambda");
        var regionEndpoint = RegionEndpoint.GetBySystemName(region);
        return new RunTarget
        {
            Platform = Platform.Aws,
            StackName = stackName,
            Region = region,
            Lambda = new LambdaClient(http, lambda),
            Logs = new LogsClient(http, Endpoint("logs")),
            Metrics = new MetricsClient(http, Endpoint("monitoring")),
            FunctionUrls = new FunctionUrlClient(http, region, lambda.Credentials),
            LoadLambda = new LambdaClient(http, lambda with { Policy = policy.ForLoad() }),
            LoadFunctionUrls = new FunctionUrlClient(http, region, lambda.Credentials, policy.ForLoad()),
            Stacks = new CloudFormationClient(http, Endpoint("cloudformation")),
            HttpApis = new HttpApiClient(http, region, lambda.Credentials, policy),
            LoadHttpApis = new HttpApiClient(http, region, lambda.Credentials, policy.ForLoad()),
            Sqs = new AmazonSQSClient(new AmazonSQSConfig { RegionEndpoint = regionEndpoint, Timeout = policy.AttemptTimeout }),
            DynamoDb = new AmazonDynamoDBClient(new AmazonDynamoDBConfig { RegionEndpoint = regionEndpoint, Timeout = policy.AttemptTimeout }),
        };
    }

    /// <summary>
    /// The local platform: Lambda, CloudWatch Logs, SQS, CloudFormation's DescribeStacks and the HTTP APIs at <paramref name="endpoint"/>, DynamoDB (dynalite) at
    /// <paramref name="dynamoDbEndpoint"/>. Logs are searchable at once there, so collection waits less.
    /// </summary>
    public static RunTarget Local(HttpClient http, Uri endpoint, Uri? dynamoDbEndpoint, string stackName, string region, string accessKey, string secretKey, AwsCallPolicy? policy = null)
    {
        var signing = AwsEndpoint.Fixed(endpoint, region, accessKey, secretKey) with { Policy = policy ?? AwsCallPolicy.Default };
        var credentials = new BasicAWSCredentials(accessKey, secretKey);
        return new RunTarget
        {
            Platform = Platform.Local,
            StackName = stackName,
            Region = region,
            Lambda = new LambdaClient(http, signing),
            Logs = new LogsClient(http, signing),
            Metrics = new MetricsClient(http, signing),
            FunctionUrls = new FunctionUrlClient(http, region, signing.Credentials),
            LoadLambda = new LambdaClient(http, signing with { Policy = signing.Policy.ForLoad() }),
            LoadFunctionUrls = new FunctionUrlClient(http, region, signing.Credentials, signing.Policy.ForLoad()),
            Stacks = new CloudFormationClient(http, signing),
            HttpApis = new HttpApiClient(http, region, signing.Credentials, signing.Policy),
            LoadHttpApis = new HttpApiClient(http, region, signing.Credentials, signing.Policy.ForLoad()),
            Sqs = new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = region }),
            DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = (dynamoDbEndpoint ?? endpoint).ToString(), AuthenticationRegion = region }),
            UpdateWait = TimeSpan.FromSeconds(30),
            CollectionTimeout = TimeSpan.FromSeconds(30),
            CollectionRetryDelay = TimeSpan.FromMilliseconds(500),
            DrainPollInterval = TimeSpan.FromMilliseconds(50),
            InsightsPollInterval = TimeSpan.FromMilliseconds(50),
        };
    }
}
