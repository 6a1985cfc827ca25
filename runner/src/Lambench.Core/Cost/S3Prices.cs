namespace Lambench.Core.Cost;

public sealed class S3Prices
{
    public S3StandardPrices Standard { get; init; } = new();
}
