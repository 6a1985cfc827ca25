using System.Text.Json.Serialization;

namespace Lambench.Runner.Specs;

/// <summary>The order of configurations and warm repetitions within a round (the spec's <c>protocol.order</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BatchOrder>))]
public enum BatchOrder
{
    /// <summary>Every configuration runs the batches in the spec's order.</summary>
    [JsonStringEnumMemberName("fixed")]
    Fixed,

    /// <summary>An interleaving of each round's own, drawn from a recorded seed.</summary>
    [JsonStringEnumMemberName("random")]
    Random,
}
