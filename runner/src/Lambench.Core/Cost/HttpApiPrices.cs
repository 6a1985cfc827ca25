namespace Lambench.Core.Cost;

/// <summary>API Gateway HTTP API calls: the first tier's price per million, metered in <see cref="MeteredBytes"/> increments.</summary>
public sealed class HttpApiPrices : SourcedPrice
{
    public decimal UsdPerMillionRequests { get; init; }
    public int MeteredBytes { get; init; }
}
