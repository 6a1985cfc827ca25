namespace Lambench.Core.Cost;

public sealed class DynamoDbOnDemandPrices : SourcedPrice
{
    public decimal UsdPerMillionWriteUnits { get; init; }
    public decimal UsdPerMillionReadUnits { get; init; }
    public DateOnly Since { get; init; }
    public int WriteUnitBytes { get; init; }
    public int ReadUnitBytes { get; init; }
}
