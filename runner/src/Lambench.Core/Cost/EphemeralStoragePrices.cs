namespace Lambench.Core.Cost;

public sealed class EphemeralStoragePrices : SourcedPrice
{
    public decimal UsdPerGbSecond { get; init; }
    public int FreeMb { get; init; }
}
