using System.Text.Json.Serialization;

namespace Lambench.Runner.Specs;

/// <summary>How the runner reaches the function under test (the spec's <c>channel</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Channel>))]
public enum Channel
{
    /// <summary>Lambda's Invoke, RequestResponse: the caller waits for the result.</summary>
    [JsonStringEnumMemberName("invoke")]
    Invoke,

    /// <summary>Lambda's Invoke, Event: Lambda queues the event and answers 202 at once.</summary>
    [JsonStringEnumMemberName("event")]
    Event,

    /// <summary>The function URL (an HTTP POST).</summary>
    [JsonStringEnumMemberName("url")]
    Url,

    /// <summary>The function's route on the stack's API Gateway HTTP API (a signed POST, payload format 2.0).</summary>
    [JsonStringEnumMemberName("api")]
    Api,

    /// <summary>The writer's SQS queue, whose trigger invokes the function.</summary>
    [JsonStringEnumMemberName("sqs")]
    Sqs,
}
