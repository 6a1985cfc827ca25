namespace Lambench.Core.Cost;

/// <summary>A month's usage priced through ascending tiers: each tier's price for the usage between its floor and its bound.</summary>
public static class TieredPrice
{
    /// <param name="tiers">ascending bounds in the usage's unit; the last has none (null).</param>
    public static decimal Cost(IEnumerable<(decimal? UpTo, decimal Price)> tiers, decimal usage)
    {
        decimal cost = 0, floor = 0;
        foreach (var (upTo, price) in tiers)
        {
            var ceiling = upTo ?? decimal.MaxValue;
            var inTier = Math.Min(usage, ceiling) - floor;
            if (inTier <= 0)
            {
                break;
            }

            cost += inTier * price;
            floor = ceiling;
        }

        return cost;
    }
}
