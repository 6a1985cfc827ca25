namespace Lambench.LocalPlatform.Sqs;

/// <summary>An SQS error: the JSON protocol's type, the query protocol's code, and a message, as AWS returns them.</summary>
public sealed class SqsException(string jsonType, string queryCode, string message) : Exception(message)
{
    public string JsonType { get; } = jsonType;
    public string QueryCode { get; } = queryCode;

    public static SqsException NoQueue() => new("com.amazonaws.sqs#QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue", "The specified queue does not exist.");

    public static SqsException Invalid(string message) => new("com.amazonaws.sqs#InvalidParameterValue", "InvalidParameterValue", message);

    public static SqsException Missing(string parameter) => new("com.amazonaws.sqs#MissingParameter", "MissingParameter", $"The request must contain the parameter {parameter}.");
}
