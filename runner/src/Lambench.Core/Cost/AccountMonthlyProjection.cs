namespace Lambench.Core.Cost;

/// <summary>
/// A month of every configuration of a report running side by side in one account, each at the projected volume:
/// tiers applied to each architecture's aggregate GB-seconds, and the free tier once for the whole account.
/// </summary>
public sealed record AccountMonthlyProjection(
    int Configurations,
    long Invocations,
    IReadOnlyDictionary<string, decimal> GbSecondsByArchitecture,
    decimal CostWithoutFreeTierUsd,
    decimal CostWithFreeTierUsd,
    decimal FreeGbSecondsUsed,
    long FreeRequestsUsed);
