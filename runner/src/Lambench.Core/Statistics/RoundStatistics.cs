using MathNet.Numerics.Statistics;

namespace Lambench.Core.Statistics;

/// <summary>
/// A sample of a replicated run seen with the round, not the invocation, as the unit of replication (invocations of
/// one round share its execution environments and its moment, so they are not independent): each round's median; the
/// mean of the round medians with a t interval across rounds (k − 1 degrees of freedom, from
/// <see cref="MinimumSampleSizes.RoundsCi"/> rounds); and the variance split into a within-round and a between-round
/// component by one-way random-effects ANOVA (method of moments, the between component clamped at 0), whose share of
/// the total is the intraclass correlation. Exists from 2 rounds.
/// </summary>
public sealed record RoundStatistics(
    IReadOnlyList<RoundSample> PerRound,
    double MedianMean,
    double MedianSd,
    ConfidenceInterval? MedianMeanCi95,
    double? WithinRoundSd,
    double? BetweenRoundSd,
    double? BetweenRoundShare)
{
    public const string Method = "one-way random-effects ANOVA (method of moments, between-round variance clamped at 0)";
    public const string MethodPortuguese = "ANOVA de um fator com efeitos aleatórios (método dos momentos, variância entre rodadas truncada em 0)";

    public int Rounds => PerRound.Count;

    /// <summary>The statistics of <paramref name="values"/>, each of the round at the same position; null below 2 rounds.</summary>
    public static RoundStatistics? Compute(IReadOnlyList<double> values, IReadOnlyList<int> rounds)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Count, rounds.Count);
        var groups = values.Select((value, i) => (value, round: rounds[i])).GroupBy(x => x.round).OrderBy(g => g.Key)
            .Select(g => (Round: g.Key, Sorted: g.Select(x => x.value).Order().ToArray())).ToList();
        if (groups.Count < 2)
        {
            return null;
        }

        var perRound = groups.Select(g => new RoundSample(g.Round, g.Sorted.Length, Percentiles.Linear(g.Sorted, 50), g.Sorted.Average())).ToList();
        var k = perRound.Count;
        var medians = perRound.Select(r => r.Median).ToArray();
        var medianMean = medians.Average();
        var medianSd = ArrayStatistics.StandardDeviation(medians);
        var ci = k >= MinimumSampleSizes.RoundsCi ? MeanConfidenceInterval.Compute(k, medianMean, medianSd) : null;
        var (within, between, share) = VarianceComponents(groups.Select(g => g.Sorted).ToList(), perRound);
        return new RoundStatistics(perRound, medianMean, medianSd, ci, within, between, share);
    }

    /// <summary>
    /// Within-round SD = √MSW; between-round SD = √max(0, (MSB − MSW) / n₀) with n₀ = (N − Σnᵢ²/N) / (k − 1), the
    /// unbalanced design's mean group size; share = σ²between / (σ²between + MSW). Within needs more values than rounds.
    /// </summary>
    private static (double? Within, double? Between, double? Share) VarianceComponents(List<double[]> groups, List<RoundSample> perRound)
    {
        var k = groups.Count;
        long total = perRound.Sum(r => (long)r.N);
        if (total <= k)
        {
            return (null, null, null);
        }

        var grand = groups.Sum(g => g.Sum()) / total;
        var msw = groups.Select((g, i) => g.Sum(x => (x - perRound[i].Mean) * (x - perRound[i].Mean))).Sum() / (total - k);
        var msb = perRound.Sum(r => r.N * (r.Mean - grand) * (r.Mean - grand)) / (k - 1);
        var n0 = (total - perRound.Sum(r => (double)r.N * r.N) / total) / (k - 1);
        var between = Math.Max(0, (msb - msw) / n0);
        double? share = between + msw > 0 ? between / (between + msw) : null;
        return (Math.Sqrt(msw), Math.Sqrt(between), share);
    }
}
