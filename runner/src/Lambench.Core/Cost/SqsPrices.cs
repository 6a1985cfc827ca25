namespace Lambench.Core.Cost;

public sealed class SqsPrices
{
    public SqsStandardPrices Standard { get; init; } = new();
}
