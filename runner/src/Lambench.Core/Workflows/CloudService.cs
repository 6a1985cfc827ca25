using System.Text.Json.Serialization;

namespace Lambench.Core.Workflows;

/// <summary>The AWS services an architecture's monthly cost is made of, in the order its tables list them.</summary>
public enum CloudService
{
    [JsonStringEnumMemberName("step_functions")]
    StepFunctions,

    [JsonStringEnumMemberName("lambda")]
    Lambda,

    [JsonStringEnumMemberName("sqs")]
    Sqs,

    [JsonStringEnumMemberName("s3")]
    S3,

    [JsonStringEnumMemberName("dynamodb")]
    DynamoDb,

    [JsonStringEnumMemberName("cloudwatch_logs")]
    CloudWatchLogs,

    [JsonStringEnumMemberName("eventbridge")]
    EventBridge,
}
