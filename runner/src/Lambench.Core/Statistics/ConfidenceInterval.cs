namespace Lambench.Core.Statistics;

/// <summary>A two-sided interval with the coverage its method actually guarantees (order-statistic intervals cover at least the nominal level).</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Coverage);
