using System.Text.Json.Serialization;

namespace Lambench.Runner.Plans;

/// <summary>Which part of the protocol an invoke step belongs to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepPhase>))]
public enum StepPhase
{
    /// <summary>Sent first and discarded.</summary>
    [JsonStringEnumMemberName("warmup")]
    Warmup,

    /// <summary>A forced cold start: the runner changes an environment variable first.</summary>
    [JsonStringEnumMemberName("cold")]
    Cold,

    /// <summary>A warm repetition.</summary>
    [JsonStringEnumMemberName("warm")]
    Warm,
}
