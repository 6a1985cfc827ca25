namespace Lambench.Core.Cost;

/// <summary>A month of Lambda charges for a volume of invocations, split so each part can be checked by hand.</summary>
public sealed record MonthlyCost(long Invocations, decimal GbSeconds, decimal BillableGbSeconds, long BillableRequests, decimal ComputeUsd, decimal RequestsUsd)
{
    public decimal TotalUsd => ComputeUsd + RequestsUsd;
}
