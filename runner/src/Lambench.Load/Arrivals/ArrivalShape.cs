using System.Text.Json.Serialization;

namespace Lambench.Load.Arrivals;

/// <summary>How the arrivals of an open-loop segment are spaced.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ArrivalShape>))]
public enum ArrivalShape
{
    /// <summary>Evenly spaced, 1/rate apart, the first at the segment's start (wrk2's constant throughput).</summary>
    [JsonStringEnumMemberName("constant")]
    Constant,

    /// <summary>A Poisson process: exponential gaps of mean 1/rate, drawn from the load's seed.</summary>
    [JsonStringEnumMemberName("poisson")]
    Poisson,

    /// <summary>A number of requests all due at the segment's start; the rest of the segment lets them drain.</summary>
    [JsonStringEnumMemberName("burst")]
    Burst,
}
