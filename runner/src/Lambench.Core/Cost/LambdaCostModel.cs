using Lambench.Core.Records;

namespace Lambench.Core.Cost;

/// <summary>
/// Lambda compute and request charges as small pure functions over a <see cref="PriceCatalog"/>.
/// GB-seconds = billed ms / 1000 × memory MB / 1024. A single invocation is priced at the first tier (the marginal price
/// of a month that has not reached the second); monthly projections walk the tiers.
/// </summary>
public sealed class LambdaCostModel(PriceCatalog catalog)
{
    public PriceCatalog Catalog => catalog;

    public static decimal GbSeconds(int memorySizeMb, decimal billedDurationMs) => billedDurationMs / 1000m * memorySizeMb / 1024m;

    public decimal RequestPrice => catalog.Lambda.Requests.UsdPerMillion / 1_000_000m;

    /// <summary>Compute plus request charge of one invocation.</summary>
    public decimal InvocationCost(string architecture, int memorySizeMb, decimal billedDurationMs) =>
        InvocationCostOfGbSeconds(architecture, GbSeconds(memorySizeMb, billedDurationMs));

    /// <summary>Compute plus request charge of an invocation of <paramref name="gbSeconds"/> GB-seconds.</summary>
    public decimal InvocationCostOfGbSeconds(string architecture, decimal gbSeconds) =>
        gbSeconds * Compute(architecture).Tiers[0].UsdPerGbSecond + RequestPrice;

    /// <summary>
    /// A month of <paramref name="invocations"/> invocations averaging <paramref name="gbSecondsPerInvocation"/>.
    /// With the free tier, its requests and GB-seconds are taken off first and the tiers apply to the rest.
    /// </summary>
    public MonthlyCost Monthly(string architecture, long invocations, decimal gbSecondsPerInvocation, bool withFreeTier)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(invocations);
        var gbSeconds = invocations * gbSecondsPerInvocation;
        var free = catalog.Lambda.FreeTier;
        var billableGbSeconds = withFreeTier ? Math.Max(0, gbSeconds - free.GbSecondsPerMonth) : gbSeconds;
        var billableRequests = withFreeTier ? Math.Max(0, invocations - free.RequestsPerMonth) : invocations;
        return new MonthlyCost(invocations, gbSeconds, billableGbSeconds, billableRequests, Tiered(Compute(architecture), billableGbSeconds), billableRequests * RequestPrice);
    }

    private static decimal Tiered(ComputePrices prices, decimal gbSeconds)
    {
        decimal cost = 0, floor = 0;
        foreach (var tier in prices.Tiers)
        {
            var ceiling = tier.UpToGbSeconds ?? decimal.MaxValue;
            var inTier = Math.Min(gbSeconds, ceiling) - floor;
            if (inTier <= 0)
            {
                break;
            }

            cost += inTier * tier.UsdPerGbSecond;
            floor = ceiling;
        }

        return cost;
    }

    private ComputePrices Compute(string architecture) =>
        catalog.Lambda.Compute.TryGetValue(Architectures.Normalise(architecture), out var prices)
            ? prices
            : throw new PriceCatalogException($"{catalog.Origin}: no lambda.compute prices for architecture '{architecture}'");
}
