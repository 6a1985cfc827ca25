namespace Lambench.Core.Cost;

/// <summary>EventBridge: custom events put on a bus, and EventBridge Scheduler's invocations after its monthly free allowance.</summary>
public sealed class EventBridgePrices : SourcedPrice
{
    public decimal UsdPerMillionCustomEvents { get; init; }
    public decimal SchedulerUsdPerMillionInvocations { get; init; }
    public long SchedulerFreeInvocationsPerMonth { get; init; }
}
