namespace Lambench.Core.Cost;

public sealed class RequestPrices : SourcedPrice
{
    public decimal UsdPerMillion { get; init; }
}
