using System.Text.Json.Serialization;

namespace Lambench.Load.Recording;

/// <summary>How one request of a load ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LoadOutcome>))]
public enum LoadOutcome
{
    /// <summary>Answered, and the function did not fail.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>The function failed, or the request did (a 5xx, a refused connection, a timeout).</summary>
    [JsonStringEnumMemberName("error")]
    Error,

    /// <summary>Refused for concurrency or rate (429 TooManyRequests): counted apart, never retried by the load.</summary>
    [JsonStringEnumMemberName("throttled")]
    Throttled,
}
