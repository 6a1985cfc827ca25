using MathNet.Numerics.Statistics;

namespace Lambench.Core.Statistics;

/// <summary>
/// The across-round effect of a comparison: in each round both configurations ran (interleaved in one pass), the
/// ratio candidate median / baseline median; their geometric mean, with a t interval on the log ratios across rounds
/// (k − 1 degrees of freedom, from <see cref="MinimumSampleSizes.RoundsCi"/> rounds) taken back by exp. Rounds pair
/// the two sides, so what varies from round to round (the host, the time of day) cancels out of each ratio.
/// </summary>
public sealed record PairedRoundRatio(int Rounds, double GeometricMeanRatio, ConfidenceInterval? Ci95)
{
    public const string Method = "geometric mean of per-round median ratios, t interval on their logarithms across rounds";
    public const string MethodPortuguese = "média geométrica das razões de medianas por rodada, intervalo t sobre seus logaritmos entre rodadas";

    /// <summary>Over the rounds both sides have with positive medians; null below 2 such rounds.</summary>
    public static PairedRoundRatio? Compute(IReadOnlyList<RoundSample> baseline, IReadOnlyList<RoundSample> candidate)
    {
        var byRound = baseline.Where(r => r.Median > 0).ToDictionary(r => r.Round, r => r.Median);
        var logs = candidate.Where(r => r.Median > 0 && byRound.ContainsKey(r.Round)).Select(r => Math.Log(r.Median / byRound[r.Round])).ToArray();
        var k = logs.Length;
        if (k < 2)
        {
            return null;
        }

        // The mean's t interval on the log scale, the one SampleStatistics and RoundStatistics use, taken back by exp.
        var mean = logs.Average();
        var onLogs = k >= MinimumSampleSizes.RoundsCi ? MeanConfidenceInterval.Compute(k, mean, ArrayStatistics.StandardDeviation(logs)) : null;
        ConfidenceInterval? ci = onLogs is { } c ? new ConfidenceInterval(Math.Exp(c.Lower), Math.Exp(c.Upper), c.Coverage) : null;
        return new PairedRoundRatio(k, Math.Exp(mean), ci);
    }
}
