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
    public ApiGatewayPrices ApiGateway { get; init; } = new();
    public CloudWatchLogsPrices CloudwatchLogs { get; init; } = new();

    // Whole architectures and the container alternative only (lambench cost); a price file may leave them out.
    public StepFunctionsPrices StepFunctions { get; init; } = new();
    public FargatePrices Fargate { get; init; } = new();
    public S3Prices S3 { get; init; } = new();
    public EventBridgePrices Eventbridge { get; init; } = new();

    /// <summary>The priced items whose figures are not confirmed for this region (as the price file marks them), by key.</summary>
    /// <param name="lambdaOnly">only the Lambda figures, for tables and figures that price Lambda alone.</param>
    public IReadOnlyList<string> UnconfirmedItems(bool lambdaOnly = false)
    {
        if (StandInFor is not null)
        {
            return ["all figures"];
        }

        var items = new List<(string Key, SourcedPrice Price)>();
        items.AddRange(Lambda.Compute.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => ($"lambda.compute.{c.Key}", (SourcedPrice)c.Value)));
        items.Add(("lambda.requests", Lambda.Requests));
        items.Add(("lambda.free_tier", Lambda.FreeTier));
        items.Add(("dynamodb.on_demand", Dynamodb.OnDemand));
        items.Add(("sqs.standard", Sqs.Standard));
        items.Add(("api_gateway.http_api", ApiGateway.HttpApi));
        items.Add(("cloudwatch_logs", CloudwatchLogs));
        return items.Where(i => !i.Price.Confirmed && (!lambdaOnly || i.Key.StartsWith("lambda.", StringComparison.Ordinal))).Select(i => i.Key).ToList();
    }

    /// <summary>The figures of the services an architecture's cost uses that are not confirmed for this region, by key.</summary>
    public IReadOnlyList<string> UnconfirmedArchitectureItems(IEnumerable<string> keys)
    {
        if (StandInFor is not null)
        {
            return ["all figures"];
        }

        var all = new Dictionary<string, SourcedPrice>(StringComparer.Ordinal)
        {
            ["lambda.compute.x86_64"] = Lambda.Compute.GetValueOrDefault("x86_64") ?? new ComputePrices(),
            ["lambda.compute.arm64"] = Lambda.Compute.GetValueOrDefault("arm64") ?? new ComputePrices(),
            ["lambda.requests"] = Lambda.Requests,
            ["dynamodb.on_demand"] = Dynamodb.OnDemand,
            ["sqs.standard"] = Sqs.Standard,
            ["cloudwatch_logs"] = CloudwatchLogs,
            ["step_functions.standard"] = StepFunctions.Standard,
            ["step_functions.express"] = StepFunctions.Express,
            ["fargate"] = Fargate,
            ["s3.standard"] = S3.Standard,
            ["eventbridge"] = Eventbridge,
        };
        return keys.Distinct(StringComparer.Ordinal).Where(k => all.TryGetValue(k, out var price) && !price.Confirmed).ToList();
    }

    /// <summary>The region these figures stand in for when data/prices keeps none for it (then every figure is unconfirmed there).</summary>
    public string? StandInFor { get; set; }

    /// <summary>The region whose costs these figures give: <see cref="StandInFor"/>, else the file's own region.</summary>
    public string PricedRegion => StandInFor ?? Region;

    /// <summary>Where the catalog was read from, for the report's footnote.</summary>
    public string Origin { get; set; } = "";
}
