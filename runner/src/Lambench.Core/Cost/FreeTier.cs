namespace Lambench.Core.Cost;

public sealed class FreeTier : SourcedPrice
{
    public long RequestsPerMonth { get; init; }
    public decimal GbSecondsPerMonth { get; init; }
}
