namespace Lambench.Core.Cost;

public sealed class ComputePrices : SourcedPrice
{
    /// <summary>Ascending; the last tier has no upper bound.</summary>
    public List<PriceTier> Tiers { get; init; } = [];
}
