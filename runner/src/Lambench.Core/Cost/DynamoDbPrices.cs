namespace Lambench.Core.Cost;

public sealed class DynamoDbPrices
{
    public DynamoDbOnDemandPrices OnDemand { get; init; } = new();
}
