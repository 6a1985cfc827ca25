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
        // Warm and cold only: no pooled row at the share the protocol forced.
        Assert.Equal(["warm", "cold"], rows.Keys);
        Assert.Equal((10, 5, 5), (rows["warm"].Totals.Successful, rows["warm"].Duration.N, rows["cold"].Duration.N));
        // Warm: (3003.55 + 3001.53 + 3003.64 + 3003.35 + 3003.57) / 5 = 3003.128.
        Assert.Equal(3003.128, rows["warm"].Duration.Mean!.Value, 9);
        // Init: (58.36 + 59.61 + 57.41 + 65.87 + 58.41) / 5 = 59.932 (the seed's "59.93 ms average").
        Assert.Equal(59.932, rows["cold"].InitDuration.Mean!.Value, 9);
        // Cold duration + init: 3063.67, 3064.92, 3062.95, 3068.15, 3061.11 -> mean 3064.16; overhead 3064.16 - 3003.128 = 61.032 ms.
        foreach (var row in rows.Values)
        {
            Assert.Equal(61.032, row.ColdStartOverheadMs!.Value, 9);
            Assert.Equal(61.032 / 3003.128 * 100, row.ColdStartOverheadPercent!.Value, 9);
            Assert.Equal(0.5, row.ColdStartRate);
            Assert.Equal(18.0, row.Totals.MeanMaxMemoryUsedMb);
        }
    }

    [Fact]
    public void Sample_costs_match_the_hand_computation()
    {
        var warm = Sample().Rows.Single(r => r.StartType == "warm");
        // Warm billed 3004, 3002, 3004, 3004, 3004: mean 3003.6 ms at 512 MB, 1.5018 GB-s × 0.0000166667 = 0.00002503005006, + 0.0000002 per request.
        Assert.Equal(3003.6, warm.MeanBilledDurationMs!.Value, 9);
        Assert.Equal(0.00002523005006m, warm.CostPerInvocationUsd);
        Assert.Equal(25.23005006m, warm.CostPerMillionUsd);
        Assert.Equal(25.23005006m, warm.MonthlyCostUsd);
        // Without a declared cold share the account assumes warm invocations: 1,501,800 GB-s a month; with the free
        // tier 1,101,800 GB-s × 0.0000166667 = 18.36337006, the million requests free.
        var account = Sample().AccountProjection!;
        Assert.Equal((1, 1_000_000L), (account.Configurations, account.Invocations));
        Assert.Equal(25.23005006m, account.CostWithoutFreeTierUsd);
        Assert.Equal(18.36337006m, account.CostWithFreeTierUsd);
        Assert.Equal(0, warm.Totals.BilledDurationEstimated);
    }

    [Fact]
    public void At_the_samples_own_cold_share_the_mix_is_the_pooled_sample()
    {
        // Half of the sample's invocations are cold: at a declared 0.5 the mix must equal pooling all ten, computed
        // here from the records (the hand computation of the earlier pooled row: mean billed 3034.1 ms, 0.000025484217235 USD).
        var records = InvocationCsvReader.ReadFile(Path.Combine(Fixture.RepositoryRoot(), "data", "sample", "invocations.csv"));
        var summary = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load()), coldShare: 0.5).Summarise(records);
        var mix = summary.Rows.Single(r => r.StartType == "mix");
        var pooled = records.Select(r => r.DurationMs + (r.InitDurationMs ?? 0)).Order().ToArray();
        Assert.Equal(pooled.Average(), mix.Duration.Mean!.Value, 9);
        Assert.Equal(pooled[4], mix.Duration.P50); // inverted CDF: the 5th of 10 reaches 0.5
        Assert.Equal(pooled[8], mix.Duration.P90);
        Assert.Equal((pooled[0], pooled[^1]), (mix.Duration.Min, mix.Duration.Max));
        Assert.Equal(0.5, mix.ColdStartRate);
        Assert.Equal(3034.1, mix.MeanBilledDurationMs!.Value, 9);
        Assert.Equal(0.000025484217235m, mix.CostPerInvocationUsd);
        Assert.Equal(25.484217235m, summary.AccountProjection!.CostWithoutFreeTierUsd);
        Assert.Equal(18.617537235m, summary.AccountProjection.CostWithFreeTierUsd);
        Assert.Equal(10, mix.Failures.Invocations);
    }

    /// <summary>numpy: values with weights (1 − p)/5 and p/5, sorted, cumsum, searchsorted(q); np.cov(aweights, bias=True) for the SD.</summary>
    [Fact]
    public void A_production_mix_matches_numpy_weighted_quantiles()
    {
        var records = InvocationCsvReader.ReadFile(Path.Combine(Fixture.RepositoryRoot(), "data", "sample", "invocations.csv"));
        var mix = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load()), coldShare: 0.05).Summarise(records).Rows.Single(r => r.StartType == "mix");
        Assert.Equal(3006.1795999999995, mix.Duration.Mean!.Value, 9);
        Assert.Equal(13.335041951190076, mix.Duration.StandardDeviation!.Value, 9);
        Assert.Equal(3003.55, mix.Duration.P50);
        Assert.Equal(3003.64, mix.Duration.P90);
        Assert.Null(mix.Duration.P95); // 10 invocations carry no p95
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load()), coldShare: 1.5));
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
        Assert.Null(rows.Single(r => r.StartType == "warm").ColdStartOverheadMs);
        Assert.Equal(0.0, rows.Single(r => r.StartType == "warm").ColdStartRate);
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
        var cold = Summarizer.Summarise([row]).Rows.Single(r => r.StartType == "cold");
        Assert.Equal((1, 1), (cold.BilledDurationEstimated, cold.Totals.BilledDurationEstimated));
        Assert.Equal(0.0000257333844m, cold.CostPerInvocationUsd); // billed 3064 ms, as in LambdaCostModelTests
    }
}
