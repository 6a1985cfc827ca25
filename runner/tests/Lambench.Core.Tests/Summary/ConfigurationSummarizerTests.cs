using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

public class ConfigurationSummarizerTests
{
    private static readonly ConfigurationSummarizer Summarizer = new(new LambdaCostModel(PriceCatalogLoader.Load()));

    private static SummaryResult Sample() =>
        Summarizer.Summarise(InvocationCsvReader.ReadFile(Path.Combine(Fixture.RepositoryRoot(), "data", "sample", "invocations.csv")));

    [Fact]
    public void Sample_statistics_match_the_hand_computation_from_seeds_003()
    {
        var rows = Sample().Rows.ToDictionary(r => r.StartType);
        Assert.Equal((10, 5, 5), (rows["all"].Duration.N, rows["warm"].Duration.N, rows["cold"].Duration.N));
        // Warm: (3003.55 + 3001.53 + 3003.64 + 3003.35 + 3003.57) / 5 = 3003.128.
        Assert.Equal(3003.128, rows["warm"].Duration.Mean!.Value, 9);
        // Init: (58.36 + 59.61 + 57.41 + 65.87 + 58.41) / 5 = 59.932 (the seed's "59.93 ms average").
        Assert.Equal(59.932, rows["all"].InitDuration.Mean!.Value, 9);
        // Cold duration + init: 3063.67, 3064.92, 3062.95, 3068.15, 3061.11 -> mean 3064.16; overhead 3064.16 - 3003.128 = 61.032 ms.
        Assert.Equal(61.032, rows["all"].ColdStartOverheadMs!.Value, 9);
        Assert.Equal(61.032 / 3003.128 * 100, rows["all"].ColdStartOverheadPercent!.Value, 9);
        Assert.Equal(0.5, rows["all"].ColdStartRate);
        Assert.Equal(18.0, rows["all"].MeanMaxMemoryUsedMb);
    }

    [Fact]
    public void Sample_costs_match_the_hand_computation()
    {
        var all = Sample().Rows.Single(r => r.StartType == "all");
        // Mean billed 3034.1 ms at 512 MB: 1.51705 GB-s × 0.0000166667 = 0.000025284217235, + 0.0000002 per request.
        Assert.Equal(3034.1, all.MeanBilledDurationMs!.Value, 9);
        Assert.Equal(0.000025484217235m, all.CostPerInvocationUsd);
        Assert.Equal(25.484217235m, all.CostPerMillionUsd);
        // A million a month: 1,517,050 GB-s -> 25.284217235 + 0.20; with the free tier 1,117,050 GB-s -> 18.617537235, requests free.
        Assert.Equal(25.484217235m, all.MonthlyCostUsd);
        // One configuration in the account: the free tier once gives the same as before.
        var account = Sample().AccountProjection!;
        Assert.Equal((1, 1_000_000L), (account.Configurations, account.Invocations));
        Assert.Equal(25.484217235m, account.CostWithoutFreeTierUsd);
        Assert.Equal(18.617537235m, account.CostWithFreeTierUsd);
        Assert.Equal(0, all.BilledDurationEstimated);
    }

    [Fact]
    public void Empty_input_gives_no_rows()
    {
        var result = Summarizer.Summarise([]);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Comparisons);
    }

    [Fact]
    public void A_configuration_without_cold_starts_has_an_empty_cold_row_and_no_overhead()
    {
        var rows = Summarizer.Summarise([new InvocationRecord { Configuration = "c", RequestId = "1", DurationMs = 5, MemorySizeMb = 128, Architecture = "arm64", BilledDurationMs = 5 }]).Rows;
        var cold = rows.Single(r => r.StartType == "cold");
        Assert.Equal(0, cold.Duration.N);
        Assert.Null(cold.CostPerInvocationUsd);
        Assert.Null(rows.Single(r => r.StartType == "all").ColdStartOverheadMs);
        Assert.Equal(0.0, rows.Single(r => r.StartType == "all").ColdStartRate);
    }

    [Fact]
    public void Without_an_architecture_nothing_is_priced_and_the_user_is_told_why()
    {
        var result = Summarizer.Summarise([new InvocationRecord { Configuration = "c", RequestId = "1", DurationMs = 5, MemorySizeMb = 128 }]);
        Assert.All(result.Rows, r => Assert.Null(r.CostPerInvocationUsd));
        Assert.Contains(result.Warnings, w => w.Contains("--architecture", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_billed_duration_is_computed_by_the_init_rule_and_counted()
    {
        var row = new InvocationRecord { Configuration = "c", RequestId = "1", DurationMs = 3005.31, InitDurationMs = 58.36, MemorySizeMb = 512, Architecture = "x86_64", Runtime = "provided.al2" };
        var all = Summarizer.Summarise([row]).Rows.Single(r => r.StartType == "all");
        Assert.Equal(1, all.BilledDurationEstimated);
        Assert.Equal(0.0000257333844m, all.CostPerInvocationUsd); // billed 3064 ms, as in LambdaCostModelTests
    }
}
