namespace Lambench.Core.Statistics;

/// <param name="U">the candidate's U: pairs where the candidate is larger, ties counting one half.</param>
/// <param name="PValue">two-sided.</param>
/// <param name="Method">"exact" or "normal approximation".</param>
public readonly record struct MannWhitneyResult(double U, double PValue, string Method);
