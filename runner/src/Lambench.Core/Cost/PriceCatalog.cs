namespace Lambench.Core.Cost;

/// <summary>AWS list prices for one region, as read from data/prices/&lt;region&gt;.yaml (see that file for every source).</summary>
public sealed class PriceCatalog
{
    public DateOnly AsOf { get; init; }
    public string Region { get; init; } = "";
    public string Currency { get; init; } = "";
    public LambdaPrices Lambda { get; init; } = new();
    public DynamoDbPrices Dynamodb { get; init; } = new();
    public SqsPrices Sqs { get; init; } = new();
    public CloudWatchLogsPrices CloudwatchLogs { get; init; } = new();

    /// <summary>Where the catalog was read from, for the report's footnote.</summary>
    public string Origin { get; set; } = "";
}
