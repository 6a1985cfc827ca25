namespace Lambench.Core.Statistics;

/// <summary>
/// The smallest sample that carries each statistic; below it the cell stays empty and the table note says why.
/// A percentile q needs n ≥ 1/(1 − q): with fewer values it falls between the two largest and is only the maximum
/// interpolated (p99 at n = 6 is not a p99). The t interval needs n ≥ 5, the thesis protocol's minimum repetitions
/// (at n = 2 its half-width is 12.7 standard errors). The median's 95% interval exists from n = 6. The bootstrap ratio
/// of medians needs 10 values a side, where resampling a median stops being a handful of distinct values.
/// </summary>
public static class MinimumSampleSizes
{
    public const int P90 = 10;
    public const int P95 = 20;
    public const int P99 = 100;
    public const int MeanCi = 5;
    public const int MedianCi = 6;
    public const int BootstrapRatioPerSide = 10;

    /// <summary>
    /// Intervals across rounds (of the round medians, of the paired ratio) from 3 rounds: the t quantile at k − 1
    /// degrees of freedom is 12.7 at 2 rounds and 4.3 at 3; 5 rounds or more are what a thesis should plan for.
    /// </summary>
    public const int RoundsCi = 3;

    public const string Rule = "p90 from n = 10, p95 from n = 20, p99 from n = 100 (a percentile q needs n ≥ 1/(1 − q)); the mean's t interval from n = 5, the median's interval from n = 6";

    public const string RulePortuguese = "p90 a partir de n = 10, p95 a partir de n = 20, p99 a partir de n = 100 (um percentil q exige n ≥ 1/(1 − q)); o intervalo t da média a partir de n = 5, o da mediana a partir de n = 6";
}
