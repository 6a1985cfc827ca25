using Lambench.Core.Records;

namespace Lambench.Analysis.Figures;

/// <summary>One stratum's successful durations in the order they ran, and which of them were cold starts.</summary>
public sealed record StratumSample(string Stratum, double[] DurationsMs, bool[] IsCold)
{
    // Split once: the distribution, ECDF and histogram each read them.
    private readonly double[] warm = DurationsMs.Where((_, i) => !IsCold[i]).ToArray();
    private readonly double[] cold = DurationsMs.Where((_, i) => IsCold[i]).ToArray();

    /// <summary>The durations of one start type, in run order. Shared: a caller that sorts copies first.</summary>
    public IReadOnlyList<double> Of(StartType startType) => startType == StartType.Cold ? cold : warm;
}
