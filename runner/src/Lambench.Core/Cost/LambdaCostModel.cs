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
    /// A month of <paramref name="invocations"/> invocations averaging <paramref name="gbSecondsPerInvocation"/>, as the
    /// only Lambda usage of its account: with the free tier, its requests and GB-seconds are taken off first and the
    /// tiers apply to the rest. Several configurations in one account: <see cref="Account"/>, never a sum of these.
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

    /// <summary>
    /// Configurations that share one account for a month: their GB-seconds add up per architecture before the tiers
    /// apply (AWS's tiers are per architecture, region and account), and the free tier (1M requests, 400,000 GB-s) is
    /// taken off once: requests from the total, GB-seconds shared among the architectures in proportion to their GB-s.
    /// </summary>
    public AccountMonthlyProjection Account(IReadOnlyList<(string Architecture, long Invocations, decimal GbSecondsPerInvocation)> configurations)
    {
        var byArchitecture = configurations
            .GroupBy(c => Architectures.Normalise(c.Architecture), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Invocations * c.GbSecondsPerInvocation), StringComparer.Ordinal);
        var invocations = configurations.Sum(c => c.Invocations);
        var totalGbSeconds = byArchitecture.Values.Sum();
        var free = catalog.Lambda.FreeTier;
        var freeGbSeconds = Math.Min(free.GbSecondsPerMonth, totalGbSeconds);
        var freeRequests = Math.Min(free.RequestsPerMonth, invocations);
        decimal without = invocations * RequestPrice, with = (invocations - freeRequests) * RequestPrice;
        foreach (var (architecture, gbSeconds) in byArchitecture)
        {
            var share = totalGbSeconds == 0 ? 0 : freeGbSeconds * gbSeconds / totalGbSeconds;
            without += Tiered(Compute(architecture), gbSeconds);
            with += Tiered(Compute(architecture), Math.Max(0, gbSeconds - share));
        }

        return new AccountMonthlyProjection(configurations.Count, invocations, byArchitecture, without, with, freeGbSeconds, freeRequests);
    }

    private static decimal Tiered(ComputePrices prices, decimal gbSeconds) =>
        TieredPrice.Cost(prices.Tiers.Select(t => (t.UpToGbSeconds, t.UsdPerGbSecond)), gbSeconds);

    private ComputePrices Compute(string architecture) =>
        catalog.Lambda.Compute.TryGetValue(Architectures.Normalise(architecture), out var prices)
            ? prices
            : throw new PriceCatalogException($"{catalog.Origin}: no lambda.compute prices for architecture '{architecture}'");
}
