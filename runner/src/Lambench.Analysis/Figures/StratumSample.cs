using Lambench.Core.Records;

namespace Lambench.Analysis.Figures;

/// <summary>One stratum's successful durations in the order they ran, and which of them were cold starts.</summary>
public sealed record StratumSample(string Stratum, double[] DurationsMs, bool[] IsCold)
{
    /// <summary>The durations of one start type, in run order.</summary>
    public double[] Of(StartType startType) => DurationsMs.Where((_, i) => IsCold[i] == (startType == StartType.Cold)).ToArray();
}
