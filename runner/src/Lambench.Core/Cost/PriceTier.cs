namespace Lambench.Core.Cost;

public sealed class PriceTier
{
    /// <summary>Monthly GB-seconds up to which this price applies; null for the last, unbounded tier.</summary>
    public decimal? UpToGbSeconds { get; init; }
    public decimal UsdPerGbSecond { get; init; }
}
