using System.Text.Json.Serialization;

namespace Lambench.Core.Workflows;

/// <summary>The unit of a cost line's quantity.</summary>
public enum CostUnit
{
    [JsonStringEnumMemberName("GB-s")]
    GbSeconds,

    [JsonStringEnumMemberName("requests")]
    Requests,

    [JsonStringEnumMemberName("transitions")]
    Transitions,

    [JsonStringEnumMemberName("GB-months")]
    GbMonths,

    [JsonStringEnumMemberName("GB")]
    Gb,

    [JsonStringEnumMemberName("write units")]
    WriteUnits,

    [JsonStringEnumMemberName("read units")]
    ReadUnits,

    [JsonStringEnumMemberName("events")]
    Events,

    /// <summary>A tier discount: the line's cost stands alone (quantity 1, price = cost).</summary>
    [JsonStringEnumMemberName("USD")]
    Usd,
}
