namespace Lambench.Core.Cost;

public sealed class SqsStandardPrices : SourcedPrice
{
    public decimal UsdPerMillionRequests { get; init; }
    public int ChunkBytes { get; init; }
}
