using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

/// <summary>
/// A replicated run's rows carry their round: the summary gives each warm and cold row its round statistics (warm
/// Duration, cold Init Duration, successful invocations only) and each comparison its across-round ratio. The
/// expected per-round medians come from grouping the records with LINQ and taking the middle of each sorted group
/// here, not from the summarizer's columns.
/// </summary>
public sealed class RoundsTests
{
    private static readonly ConfigurationSummarizer Summarizer = new(new LambdaCostModel(PriceCatalogLoader.Load()));

    /// <summary>Two runtimes, three rounds of 2 cold and 7 warm invocations; round r adds 10·r ms; python is twice as slow; one error.</summary>
    private static List<InvocationRecord> Records()
    {
        var records = new List<InvocationRecord>();
        var i = 0;
        foreach (var (runtime, scale) in new[] { ("go", 1.0), ("python", 2.0) })
        {
            for (var round = 1; round <= 3; round++)
            {
                for (var k = 0; k < 9; k++)
                {
                    var cold = k < 2;
                    records.Add(new InvocationRecord
                    {
                        Configuration = $"{runtime}-x86_64", Runtime = runtime, Architecture = "x86_64", MemorySizeMb = 512, Platform = "local",
                        RequestId = $"r{i++}", DurationMs = scale * (100 + 10 * round + k), BilledDurationMs = 400,
                        InitDurationMs = cold ? scale * (50 + round + k) : null, Round = round, Label = "sort", Repetition = k,
                        Status = runtime == "go" && round == 2 && k == 8 ? InvocationStatus.Error : InvocationStatus.Success,
                    });
                }
            }
        }

        return records;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [Fact]
    public void Warm_and_cold_rows_carry_per_round_medians_of_their_comparison_metric()
    {
        var records = Records();
        var summary = Summarizer.Summarise(records);

        foreach (var configuration in new[] { "go-x86_64", "python-x86_64" })
        {
            var rows = summary.Rows.Where(r => r.Configuration == configuration).ToDictionary(r => r.StartType);
            var successful = records.Where(r => r.Configuration == configuration && r.Status == InvocationStatus.Success).ToList();
            var warm = successful.Where(r => r.InitDurationMs is null).GroupBy(r => r.Round!.Value).OrderBy(g => g.Key).ToList();
            var cold = successful.Where(r => r.InitDurationMs is not null).GroupBy(r => r.Round!.Value).OrderBy(g => g.Key).ToList();

            Assert.Equal("duration_ms", rows["warm"].RoundMetric);
            Assert.Equal(warm.Select(g => g.Count()), rows["warm"].Rounds!.PerRound.Select(r => r.N));
            Assert.Equal(warm.Select(g => Median(g.Select(r => r.DurationMs))), rows["warm"].Rounds!.PerRound.Select(r => r.Median));
            Assert.Equal("init_duration_ms", rows["cold"].RoundMetric);
            Assert.Equal(cold.Select(g => Median(g.Select(r => r.InitDurationMs!.Value))), rows["cold"].Rounds!.PerRound.Select(r => r.Median));
            Assert.NotNull(rows["warm"].Rounds!.MedianMeanCi95);
        }

        // go round 2 lost its slowest warm invocation to the error: 6 values, median between the 3rd and 4th.
        var goWarm = summary.Rows.Single(r => r.Configuration == "go-x86_64" && r.StartType == "warm").Rounds!;
        Assert.Equal([7, 6, 7], goWarm.PerRound.Select(r => r.N));
        Assert.Equal([115.0, 124.5, 135.0], goWarm.PerRound.Select(r => r.Median));
        // Rounds shift every value by 10 ms: the between-round part dominates.
        Assert.True(goWarm.BetweenRoundShare > 0.5);
    }

    [Fact]
    public void Comparisons_pair_rounds_and_give_the_across_round_ratio()
    {
        var summary = Summarizer.Summarise(Records());
        var warm = summary.Comparisons.Single(c => c.StartType == "warm");

        // Per round: python's median / go's: 2·115/115, 2·125/124.5, 2·135/135; their geometric mean, by hand.
        var ratios = new[] { 2.0, 250.0 / 124.5, 2.0 };
        Assert.Equal(3, warm.AcrossRounds!.Rounds);
        Assert.Equal(Math.Exp(ratios.Average(Math.Log)), warm.AcrossRounds.GeometricMeanRatio, 12);
        Assert.InRange(2.0, warm.AcrossRounds.Ci95!.Value.Lower, warm.AcrossRounds.Ci95.Value.Upper);

        var cold = summary.Comparisons.Single(c => c.StartType == "cold");
        Assert.Equal(2.0, cold.AcrossRounds!.GeometricMeanRatio, 12);
    }

    [Fact]
    public void Rows_without_rounds_or_a_single_round_have_no_round_statistics()
    {
        var single = Records().Select(r => r with { Round = 1 }).ToList();
        Assert.All(Summarizer.Summarise(single).Rows, r => Assert.Null(r.Rounds));
        var none = Records().Select(r => r with { Round = null }).ToList();
        var summary = Summarizer.Summarise(none);
        Assert.All(summary.Rows, r => Assert.Null(r.Rounds));
        Assert.All(summary.Comparisons, c => Assert.Null(c.AcrossRounds));
        // Some rows with a round, some without: not one replicated run.
        var mixed = Records().Select((r, i) => i % 5 == 0 ? r with { Round = null } : r).ToList();
        Assert.All(Summarizer.Summarise(mixed).Rows, r => Assert.Null(r.Rounds));
    }
}
