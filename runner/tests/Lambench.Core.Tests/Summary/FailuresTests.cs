using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

/// <summary>
/// Failed invocations stay out of latency statistics and comparisons, are counted as rates with Wilson intervals, and
/// stay in the costs. Expected values computed independently with numpy (np.percentile, linear) and Python's
/// statistics.NormalDist for the Wilson bounds; each is beside its assertion.
/// </summary>
public class FailuresTests
{
    private static readonly ConfigurationSummarizer Summarizer = new(new LambdaCostModel(PriceCatalogLoader.Load()));

    /// <summary>100 warm successes of 20.00, 20.10 … 29.90 ms (billed ceil), 3 timeouts of 1000 ms, 2 errors of 5 ms.</summary>
    private static List<InvocationRecord> Rows(string configuration, string runtime)
    {
        InvocationRecord Row(int i, double duration, string status) => new()
        {
            Configuration = configuration, RequestId = $"{configuration}-{i}", DurationMs = duration, BilledDurationMs = Math.Ceiling(duration),
            MemorySizeMb = 512, Architecture = "x86_64", Runtime = runtime, Status = status, Platform = "aws",
        };

        return Enumerable.Range(0, 100).Select(i => Row(i, Math.Round(20 + i * 0.1, 2), InvocationStatus.Success))
            .Concat(Enumerable.Range(100, 3).Select(i => Row(i, 1000, InvocationStatus.Timeout)))
            .Concat(Enumerable.Range(103, 2).Select(i => Row(i, 5, InvocationStatus.Error)))
            .ToList();
    }

    [Fact]
    public void Latency_is_over_successful_invocations_and_failures_are_rates_with_wilson_intervals()
    {
        var row = Summarizer.Summarise(Rows("c", "python3.12")).Rows.Single(r => r.StartType == "warm");
        Assert.Equal(row.Failures, row.Totals.Failures); // every invocation here is warm
        Assert.Equal(100, row.Duration.N);
        Assert.Equal(29.801000000000002, row.Duration.P99!.Value, 9); // np.percentile(successes, 99); with failures it would be 1000.0
        Assert.Equal(24.95, row.Duration.Mean!.Value, 9);
        Assert.Equal((105, 2, 3, 0, 5), (row.Failures.Invocations, row.Failures.Errors, row.Failures.Timeouts, row.Failures.OtherFailures, row.NotSuccessful));
        Assert.Equal(2.0 / 105, row.Failures.ErrorRate!.Value, 15);
        Assert.Equal(0.005239182065962935, row.Failures.ErrorRateCi95!.Value.Lower, 12); // Wilson, 2 of 105
        Assert.Equal(0.06680559669441895, row.Failures.ErrorRateCi95!.Value.Upper, 12);
        Assert.Equal(0.009763839038702336, row.Failures.TimeoutRateCi95!.Value.Lower, 12); // Wilson, 3 of 105
        Assert.Equal(0.08065629063731555, row.Failures.TimeoutRateCi95!.Value.Upper, 12);
    }

    [Fact]
    public void Costs_and_the_mean_billed_duration_include_every_billed_invocation()
    {
        var row = Summarizer.Summarise(Rows("c", "python3.12")).Rows.Single(r => r.StartType == "warm");
        // np.mean(ceil of the successes + [1000]*3 + [5]*2) = 52.857142857142854 ms.
        Assert.Equal(52.857142857142854, row.MeanBilledDurationMs!.Value, 9);
        // Cost of that mean: 52.857142857142857 ms × 0.5 GB / 1000 × 0.0000166667 + 0.0000002 per request.
        var expected = 5550m / 105m / 1000m * 0.5m * 0.0000166667m + 0.0000002m;
        Assert.Equal((double)expected, (double)row.CostPerInvocationUsd!.Value, 15);
    }

    [Fact]
    public void Comparisons_use_successful_invocations_only()
    {
        // Two runtimes with the same successes and different failures (go has no timeouts). Over successes both medians
        // are 24.95, ratio 1; with failures they would be 25.0 (python: 105 values with 5, 5, …, 1000 × 3) and 24.85.
        var python = Rows("python", "python3.12");
        var go = Rows("go", "provided.al2023").Where(r => r.Status != InvocationStatus.Timeout).ToList();
        var warm = Summarizer.Summarise([.. python, .. go]).Comparisons.Single(c => c.StartType == "warm");
        Assert.Equal(1.0, (double)warm.MedianRatio!, 12);
        Assert.InRange(warm.HolmAdjustedPValue!.Value, warm.MannWhitneyPValue, 1.0); // adjusted over the report's family
    }
}
