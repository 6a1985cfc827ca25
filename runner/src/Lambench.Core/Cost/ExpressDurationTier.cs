namespace Lambench.Core.Cost;

public sealed class ExpressDurationTier
{
    /// <summary>Monthly GB-hours up to which this price applies; null for the last, unbounded tier.</summary>
    public decimal? UpToGbHours { get; init; }
    public decimal UsdPerGbSecond { get; init; }
}
