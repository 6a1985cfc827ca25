using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

/// <summary>The comparisons' cost ratio: the candidate's cost per invocation over the baseline's, computed by hand from the us-east-1 prices.</summary>
public sealed class CostRatioTests
{
    [Fact]
    public void Is_the_candidates_cost_per_invocation_over_the_baselines()
    {
        InvocationRecord Row(string runtime, int i, double billed) => new()
        {
            Configuration = runtime, Runtime = runtime, Architecture = "x86_64", MemorySizeMb = 128, Platform = "aws",
            RequestId = $"{runtime}-{i}", DurationMs = billed - 0.5 + i * 0.01, BilledDurationMs = billed,
        };
        var rows = Enumerable.Range(0, 12).Select(i => Row("go", i, 100)).Concat(Enumerable.Range(0, 12).Select(i => Row("python", i, 300))).ToList();
        var warm = new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(rows).Comparisons.Single(c => c.StartType == "warm");

        // go: 0.1 s × 0.125 GB × 0.0000166667 + 0.0000002; python: 0.3 s × 0.125 GB × 0.0000166667 + 0.0000002.
        var go = 0.1m * 0.125m * 0.0000166667m + 0.0000002m;
        var python = 0.3m * 0.125m * 0.0000166667m + 0.0000002m;
        Assert.Equal(("go", "python"), (warm.Baseline, warm.Candidate));
        Assert.Equal((double)(python / go), warm.CostRatio!.Value, 12);
        Assert.Null(new ConfigurationSummarizer(new LambdaCostModel(PriceCatalogLoader.Load())).Summarise(rows.Select(r => r with { Architecture = null }).ToList()).Comparisons.Single(c => c.StartType == "warm").CostRatio);
    }
}
