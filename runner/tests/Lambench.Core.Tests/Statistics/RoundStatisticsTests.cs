using Lambench.Core.Statistics;

namespace Lambench.Core.Tests.Statistics;

/// <summary>
/// Expected values from an independent computation with numpy 1.24 and scipy 1.10 (Debian 12), on three unbalanced
/// rounds: medians with np.median; the interval with scipy.stats.t.ppf(0.975, k − 1); MSW as numpy's pooled
/// within-round sum of squares over N − k; MSB = F · MSW with F from scipy.stats.f_oneway (its own ANOVA);
/// n₀ = (N − Σnᵢ²/N)/(k − 1); σ²between = max(0, (MSB − MSW)/n₀); share = σ²between / (σ²between + MSW).
/// </summary>
public sealed class RoundStatisticsTests
{
    private static readonly double[] Round1 = [10, 12, 11, 13];
    private static readonly double[] Round2 = [15, 14, 16];
    private static readonly double[] Round3 = [9, 11, 10, 12, 8];

    private static RoundStatistics Compute(params double[][] rounds)
    {
        // Interleaved, as a run's rows are, so grouping by round is what is tested.
        var values = new List<double>();
        var numbers = new List<int>();
        for (var i = 0; i < rounds.Max(r => r.Length); i++)
        {
            for (var r = rounds.Length - 1; r >= 0; r--)
            {
                if (i < rounds[r].Length)
                {
                    values.Add(rounds[r][i]);
                    numbers.Add(r + 1);
                }
            }
        }

        return RoundStatistics.Compute(values, numbers)!;
    }

    [Fact]
    public void Matches_numpy_and_scipy_on_three_unbalanced_rounds()
    {
        var rounds = Compute(Round1, Round2, Round3);

        Assert.Equal([1, 2, 3], rounds.PerRound.Select(r => r.Round));
        Assert.Equal([4, 3, 5], rounds.PerRound.Select(r => r.N));
        Assert.Equal([11.5, 15.0, 10.0], rounds.PerRound.Select(r => r.Median));
        Assert.Equal([11.5, 15.0, 10.0], rounds.PerRound.Select(r => r.Mean));
        Assert.Equal(12.166666666666666, rounds.MedianMean, 12);
        Assert.Equal(2.565800719723442, rounds.MedianSd, 12);
        Assert.Equal(5.792864337725821, rounds.MedianMeanCi95!.Value.Lower, 8); // MathNet's t quantile agrees with scipy's to ~1e-10
        Assert.Equal(18.54046899560751, rounds.MedianMeanCi95!.Value.Upper, 8);
        Assert.Equal(1.3743685418725535, rounds.WithinRoundSd!.Value, 12);
        Assert.Equal(2.3557685349097697, rounds.BetweenRoundSd!.Value, 12);
        Assert.Equal(0.7460670586365804, rounds.BetweenRoundShare!.Value, 12);
    }

    [Fact]
    public void Needs_two_rounds_and_gives_the_interval_only_from_three()
    {
        Assert.Null(RoundStatistics.Compute([1, 2, 3], [1, 1, 1]));
        Assert.Null(RoundStatistics.Compute([], []));

        var two = Compute(Round1, Round2);
        Assert.Equal(2, two.Rounds);
        Assert.Null(two.MedianMeanCi95);
        Assert.Equal((11.5 + 15.0) / 2, two.MedianMean, 12);
    }

    [Fact]
    public void Clamps_the_between_round_variance_at_zero_and_leaves_within_empty_with_one_value_a_round()
    {
        // Round means equal, spread within: MSB = 0 < MSW, so the method-of-moments estimate is negative, clamped to 0.
        var equal = Compute([1, 3], [0, 4], [2, 2]);
        Assert.Equal(0, equal.BetweenRoundSd);
        Assert.Equal(0, equal.BetweenRoundShare);
        Assert.Equal(Math.Sqrt((2 + 8 + 0) / 3.0), equal.WithinRoundSd!.Value, 12);

        var single = Compute([5], [6], [7]);
        Assert.Null(single.WithinRoundSd);
        Assert.Null(single.BetweenRoundSd);
        Assert.Equal(6, single.MedianMean, 12);
    }

    /// <summary>numpy: exp(mean(log(c/b))) and exp(mean ± t(0.975, 3)·sd(ddof=1)/√4); scipy.stats.gmean agrees.</summary>
    [Fact]
    public void Paired_round_ratio_matches_numpy_and_pairs_by_round_number()
    {
        RoundSample R(int round, double median) => new(round, 5, median, median);
        var baseline = new[] { R(1, 2.0), R(2, 2.2), R(3, 1.9), R(4, 2.1), R(5, 3.0) };
        // Given out of order, and round 5 only on one side: it is not paired.
        var candidate = new[] { R(3, 0.9), R(1, 1.0), R(4, 1.1), R(2, 1.2), R(6, 9.0) };

        var ratio = PairedRoundRatio.Compute(baseline, candidate)!;

        Assert.Equal(4, ratio.Rounds);
        Assert.Equal(0.510032342952127, ratio.GeometricMeanRatio, 12);
        Assert.Equal(0.46302094319952486, ratio.Ci95!.Value.Lower, 9);
        Assert.Equal(0.5618168998138375, ratio.Ci95!.Value.Upper, 9);
        Assert.Null(PairedRoundRatio.Compute(baseline, [R(1, 1.0)]));
        Assert.Null(PairedRoundRatio.Compute(baseline, [R(1, 1.0), R(2, 1.0)])!.Ci95);
    }
}
