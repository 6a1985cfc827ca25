using System.Globalization;
using Lambench.Core.Cost;

namespace Lambench.Experiments;

/// <summary>
/// The one pricing policy of a run: the run's region's price file (PriceCatalogLoader.LoadForRegion), for its cost
/// lines and its report alike, with the line that says which prices they are.
/// </summary>
public sealed record RunPricing(PriceCatalog Catalog, string Description)
{
    /// <exception cref="PriceCatalogException">the price file cannot be read.</exception>
    public static RunPricing ForRegion(string region)
    {
        var catalog = PriceCatalogLoader.LoadForRegion(region);
        var unconfirmed = catalog.UnconfirmedItems();
        return new RunPricing(catalog, string.Create(CultureInfo.InvariantCulture,
            $"{catalog.Region} prices of {catalog.AsOf:yyyy-MM-dd}{(catalog.StandInFor is { } standIn ? $" standing in for {standIn}, which has none" : string.Empty)}, no free tier{(unconfirmed.Count > 0 ? $"; unconfirmed price: {string.Join(", ", unconfirmed)}" : string.Empty)}"));
    }
}
