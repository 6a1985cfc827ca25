using System.Text.Json.Serialization;

namespace Lambench.Runner.Plans;

/// <summary>What a plan step does.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepKind>))]
public enum StepKind
{
    /// <summary>Sets memory, reserved concurrency and the round variable, then waits until the update is active.</summary>
    [JsonStringEnumMemberName("configure")]
    Configure,

    /// <summary>Sends one batch.</summary>
    [JsonStringEnumMemberName("invoke")]
    Invoke,

    /// <summary>Sends one batch as the spec's load: many requests, open or closed loop, recorded in loads/.</summary>
    [JsonStringEnumMemberName("load")]
    Load,
}
