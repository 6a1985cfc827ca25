using System.Text.Json.Serialization;

namespace Lambench.Core.Workflows;

/// <summary>What a line of an architecture's cost counts; each item has one unit (<see cref="CostLine.Unit"/>).</summary>
public enum CostItem
{
    /// <summary>Lambda GB-seconds (Billed Duration × memory).</summary>
    [JsonStringEnumMemberName("compute")]
    Compute,

    /// <summary>Lambda requests, or express workflow executions started.</summary>
    [JsonStringEnumMemberName("requests")]
    Requests,

    /// <summary>Standard workflow state transitions.</summary>
    [JsonStringEnumMemberName("transitions")]
    Transitions,

    /// <summary>Express workflow GB-seconds (duration in 100 ms steps × memory in 64 MB chunks).</summary>
    [JsonStringEnumMemberName("duration")]
    Duration,

    /// <summary>The lower prices of later tiers, where usage reaches them.</summary>
    [JsonStringEnumMemberName("tier_discount")]
    TierDiscount,

    /// <summary>The monthly free allowance, taken off once for the whole architecture.</summary>
    [JsonStringEnumMemberName("free_tier")]
    FreeTier,

    [JsonStringEnumMemberName("storage")]
    Storage,

    [JsonStringEnumMemberName("writes")]
    Writes,

    [JsonStringEnumMemberName("reads")]
    Reads,

    [JsonStringEnumMemberName("ingestion")]
    Ingestion,

    [JsonStringEnumMemberName("scheduled_events")]
    ScheduledEvents,

    [JsonStringEnumMemberName("custom_events")]
    CustomEvents,
}
