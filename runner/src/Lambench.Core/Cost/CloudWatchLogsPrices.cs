namespace Lambench.Core.Cost;

public sealed class CloudWatchLogsPrices : SourcedPrice
{
    public decimal IngestionUsdPerGb { get; init; }
    public decimal InsightsUsdPerGbScanned { get; init; }
    public long BytesPerGb { get; init; }
}
