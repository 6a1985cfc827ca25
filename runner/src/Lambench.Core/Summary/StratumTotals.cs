namespace Lambench.Core.Summary;

/// <summary>
/// What belongs to a stratum (a configuration and workload) as a whole, the same on each of its rows: failures over
/// every invocation, the successful count, mean Max Memory Used of successful invocations, and how many billed
/// durations the INIT rule gave.
/// </summary>
public sealed record StratumTotals(FailureRates Failures, int Successful, double? MeanMaxMemoryUsedMb, int BilledDurationEstimated);
