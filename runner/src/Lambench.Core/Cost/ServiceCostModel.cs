namespace Lambench.Core.Cost;

/// <summary>
/// The charges of the services around the functions under test: DynamoDB on-demand units (a 64 KB item costs 64 write
/// units), SQS requests in 64 KB chunks, HTTP API calls in 512 KB increments, CloudWatch Logs ingestion and Logs Insights scans.
/// </summary>
public sealed class ServiceCostModel(PriceCatalog catalog)
{
    /// <summary>Write request units for one item: one per started KB (1,024 bytes), at least one.</summary>
    public long DynamoDbWriteUnits(long itemBytes) => Math.Max(1, Ceiling(itemBytes, catalog.Dynamodb.OnDemand.WriteUnitBytes));

    /// <summary>Read request units for one strongly consistent read of an item (4 KB a unit); eventually consistent reads cost half.</summary>
    public decimal DynamoDbReadUnits(long itemBytes, bool stronglyConsistent) =>
        Math.Max(1, Ceiling(itemBytes, catalog.Dynamodb.OnDemand.ReadUnitBytes)) * (stronglyConsistent ? 1m : 0.5m);

    public decimal DynamoDbWriteCost(long items, long itemBytes) =>
        items * DynamoDbWriteUnits(itemBytes) * catalog.Dynamodb.OnDemand.UsdPerMillionWriteUnits / 1_000_000m;

    public decimal DynamoDbReadCost(decimal readUnits) => readUnits * catalog.Dynamodb.OnDemand.UsdPerMillionReadUnits / 1_000_000m;

    /// <summary>SQS bills each 64 KB chunk of a payload as one request.</summary>
    public long SqsRequests(long messageBytes) => Math.Max(1, Ceiling(messageBytes, catalog.Sqs.Standard.ChunkBytes));

    public decimal SqsCost(long requests) => requests * catalog.Sqs.Standard.UsdPerMillionRequests / 1_000_000m;

    /// <summary>An HTTP API call is metered in 512 KB increments: a 600 KB request counts as two calls.</summary>
    public long HttpApiRequests(long requestBytes) => Math.Max(1, Ceiling(requestBytes, catalog.ApiGateway.HttpApi.MeteredBytes));

    public decimal HttpApiCost(long requests) => requests * catalog.ApiGateway.HttpApi.UsdPerMillionRequests / 1_000_000m;

    public decimal LogsIngestionCost(long bytes) => (decimal)bytes / catalog.CloudwatchLogs.BytesPerGb * catalog.CloudwatchLogs.IngestionUsdPerGb;

    public decimal LogsInsightsCost(long bytesScanned) => (decimal)bytesScanned / catalog.CloudwatchLogs.BytesPerGb * catalog.CloudwatchLogs.InsightsUsdPerGbScanned;

    private static long Ceiling(long value, long unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return (value + unit - 1) / unit;
    }
}
