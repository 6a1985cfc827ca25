using Lambench.Core.Cost;

namespace Lambench.Core.Tests.Cost;

/// <summary>Every expected amount below is worked out by hand from data/prices/us-east-1.yaml, in the comment beside it.</summary>
public class LambdaCostModelTests
{
    private static readonly PriceCatalog Prices = PriceCatalogLoader.Load();
    private static readonly LambdaCostModel Model = new(Prices);

    [Fact]
    public void Gb_seconds_use_1024_mb_per_gb()
    {
        Assert.Equal(0.0125m, LambdaCostModel.GbSeconds(128, 100)); // 0.1 s × 0.125 GB
        Assert.Equal(1.5m, LambdaCostModel.GbSeconds(1536, 1000));
    }

    [Theory]
    [InlineData("x86_64", 128, 100, "0.00000040833375")]  // 0.0125 × 0.0000166667 = 0.00000020833375, + 0.0000002
    [InlineData("arm64", 128, 100, "0.0000003666675")]   // 0.0125 × 0.0000133334 = 0.0000001666675, + 0.0000002
    [InlineData("x86_64", 512, 3064, "0.0000257333844")]  // the published order-processor cold start (data/sample): 1.532 GB-s × 0.0000166667 = 0.0000255333844, + 0.0000002
    public void Prices_one_invocation_at_the_first_tier(string architecture, int memory, int billedMs, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Model.InvocationCost(architecture, memory, billedMs));

    [Fact]
    public void Monthly_cost_walks_the_tiers()
    {
        // 7e9 GB-s on x86: 6e9 × 0.0000166667 + 1e9 × 0.000015 = 100000.2 + 15000 = 115000.2; 1e6 requests = 0.20.
        var month = Model.Monthly("x86_64", 1_000_000, 7_000m, withFreeTier: false);
        Assert.Equal(115000.2m, month.ComputeUsd);
        Assert.Equal(0.2m, month.RequestsUsd);
        // 20e9 GB-s on arm: 7.5e9 × 0.0000133334 + 11.25e9 × 0.0000120001 + 1.25e9 × 0.0000106667 = 100000.5 + 135001.125 + 13333.375
        Assert.Equal(248335.0m, Model.Monthly("arm64", 1_000_000, 20_000m, withFreeTier: false).ComputeUsd);
    }

    [Fact]
    public void An_account_of_several_configurations_gets_the_free_tier_once_shared_across_architectures()
    {
        // x86: 1e6 × 0.5 = 500,000 GB-s; arm: 1e6 × 0.3 = 300,000 GB-s; 2e6 requests.
        // Without the free tier: 500,000 × 0.0000166667 = 8.33335; 300,000 × 0.0000133334 = 4.00002; 2e6 × 0.2e-6 = 0.4 -> 12.73337.
        // Free tier once: 400,000 GB-s shared 5:3 -> x86 250,000 × 0.0000166667 = 4.166675, arm 150,000 × 0.0000133334 = 2.00001;
        // requests 1e6 × 0.2e-6 = 0.2 -> 6.366685. Per configuration (the double count it replaces): 1.66667 + 0 = 1.66667.
        var account = Model.Account([("x86_64", 1_000_000, 0.5m), ("arm64", 1_000_000, 0.3m)]);
        Assert.Equal(12.73337m, account.CostWithoutFreeTierUsd);
        Assert.Equal(6.366685m, account.CostWithFreeTierUsd);
        Assert.Equal((400_000m, 1_000_000L), (account.FreeGbSecondsUsed, account.FreeRequestsUsed));
        var perConfiguration = Model.Monthly("x86_64", 1_000_000, 0.5m, withFreeTier: true).TotalUsd + Model.Monthly("arm64", 1_000_000, 0.3m, withFreeTier: true).TotalUsd;
        Assert.Equal(1.66667m, perConfiguration);
    }

    [Fact]
    public void An_account_walks_the_tiers_over_the_aggregate_of_one_architecture()
    {
        // Two x86 configurations of 3.5e9 GB-s each: 7e9 together -> 6e9 × 0.0000166667 + 1e9 × 0.000015 = 115000.2, + 0.4.
        // Free tier: 6,999,600,000 GB-s -> 100000.2 + 999,600,000 × 0.000015 = 114994.2, + 1e6 requests 0.2 -> 114994.4.
        var account = Model.Account([("x86_64", 1_000_000, 3_500m), ("x86_64", 1_000_000, 3_500m)]);
        Assert.Equal(115000.6m, account.CostWithoutFreeTierUsd);
        Assert.Equal(114994.4m, account.CostWithFreeTierUsd);
        Assert.Equal(0m, Model.Account([]).CostWithFreeTierUsd);
    }

    [Fact]
    public void The_free_tier_is_deducted_first()
    {
        // 1.5e6 invocations × 0.5 GB-s = 750,000 GB-s; minus 400,000 = 350,000 × 0.0000166667 = 5.833345; 0.5e6 requests × 0.2e-6 = 0.1.
        var month = Model.Monthly("x86_64", 1_500_000, 0.5m, withFreeTier: true);
        Assert.Equal((350_000m, 500_000L), (month.BillableGbSeconds, month.BillableRequests));
        Assert.Equal(5.933345m, month.TotalUsd);
        Assert.Equal(0m, Model.Monthly("arm64", 1000, 1m, withFreeTier: true).TotalUsd);
        Assert.Equal(0m, Model.Monthly("arm64", 0, 1m, withFreeTier: false).TotalUsd);
    }

    [Theory]
    [InlineData(3005.31, 58.36, "provided.al2", "2024-06-01", 3064)] // the same REPORT line: custom runtimes always billed the init
    [InlineData(3005.31, 58.36, "python3.12", "2025-07-31", 3006)]   // managed runtime before 2025-08-01: init free
    [InlineData(3005.31, 58.36, "python3.12", "2025-08-01", 3064)]   // and from that day on, billed
    [InlineData(3003.55, null, "python3.12", "2025-08-01", 3004)]
    [InlineData(1.1, 2.9, "python3.12", "2026-01-01", 4)]            // exactly 4 ms: must not round up to 5
    [InlineData(0.2, null, null, null, 1)]
    public void Billed_duration_follows_the_init_billing_rule(double duration, double? init, string? runtime, string? date, int expected)
    {
        DateOnly? day = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Prices.Lambda.InitBilling.BilledDurationMs(duration, init, runtime, day));
    }

    [Fact]
    public void Service_costs_count_units_as_aws_does()
    {
        var services = new ServiceCostModel(Prices);
        Assert.Equal((1L, 1L, 2L, 64L), (services.DynamoDbWriteUnits(0), services.DynamoDbWriteUnits(1024), services.DynamoDbWriteUnits(1025), services.DynamoDbWriteUnits(65536)));
        Assert.Equal(0.004m, services.DynamoDbWriteCost(100, 65536)); // 100 items × 64 WRU × 0.625 / 1e6
        Assert.Equal((0.5m, 1m, 2m), (services.DynamoDbReadUnits(100, false), services.DynamoDbReadUnits(4096, true), services.DynamoDbReadUnits(4097, true)));
        Assert.Equal((1L, 1L, 2L, 4L), (services.SqsRequests(1), services.SqsRequests(65536), services.SqsRequests(65537), services.SqsRequests(262144)));
        Assert.Equal(0.0000004m, services.SqsCost(1));
        Assert.Equal(0.5m, services.LogsIngestionCost(1L << 30));
        Assert.Equal(0.005m, services.LogsInsightsCost(1L << 30));
    }
}
