using Amazon.DynamoDBv2;
using Amazon.SQS;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Aws;
using Lambench.Runner.Collection;

namespace Lambench.Runner.Execution;

/// <summary>
/// Where a run happens and the clients that reach it: the same code path for AWS and for the local platform, which
/// serves the same APIs on 127.0.0.1.
/// </summary>
public sealed record RunTarget : IDisposable
{
    /// <summary>aws or local: the platform column of invocations.csv.</summary>
    public required Platform Platform { get; init; }

    /// <summary>The stack whose functions, queues and table the run uses (infra/template.yaml names them after it).</summary>
    public required string StackName { get; init; }

    /// <summary>The AWS region (the local platform's is us-east-1).</summary>
    public required string Region { get; init; }

    public required ILambdaApi Lambda { get; init; }
    public required ILogsApi Logs { get; init; }
    public required IMetricsApi Metrics { get; init; }
    public required FunctionUrlClient FunctionUrls { get; init; }

    /// <summary>The Lambda client of a load's requests: nothing retried (<see cref="AwsCallPolicy.ForLoad"/>).</summary>
    public required ILambdaApi LoadLambda { get; init; }

    /// <summary>The function URL client of a load's requests: nothing retried.</summary>
    public required FunctionUrlClient LoadFunctionUrls { get; init; }

    /// <summary>CloudFormation's DescribeStacks: where the api channel finds the stack's HTTP API.</summary>
    public required IStacksApi Stacks { get; init; }
    public required HttpApiClient HttpApis { get; init; }

    /// <summary>The HTTP API client of a load's requests: nothing retried.</summary>
    public required HttpApiClient LoadHttpApis { get; init; }
    public required IAmazonSQS Sqs { get; init; }
    public required IAmazonDynamoDB DynamoDb { get; init; }

    /// <summary>How long a configuration update may take to become active.</summary>
    public TimeSpan UpdateWait { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the collector keeps asking for REPORT lines that have not arrived (log lines take seconds on AWS).</summary>
    public TimeSpan CollectionTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>The first wait between collection attempts; it doubles up to 30 s.</summary>
    public TimeSpan CollectionRetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The clock of collection's waits and deadline (a fake one in the fast tests).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>FilterLogEvents, Logs Insights, or Insights for large configurations only.</summary>
    public LogCollectionMethod Collection { get; init; } = LogCollectionMethod.Auto;

    /// <summary>How often a running Logs Insights query is asked for its results.</summary>
    public TimeSpan InsightsPollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a draining queue is looked at.</summary>
    public TimeSpan DrainPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The writers' table (infra/template.yaml).</summary>
    public string TableName => $"{StackName}-writes";

    public void Dispose()
    {
        Sqs.Dispose();
        DynamoDb.Dispose();
    }
}
