namespace Lambench.Load.Recording;

/// <summary>
/// One interval of a load (a second, by default). Offered: requests whose intended send time falls in it. Completed,
/// errors, throttles and the latency percentiles: requests answered in it. Percentiles are of client latency over
/// successful requests, null below the sample size that carries them.
/// </summary>
public sealed record TimelineBucket(double StartS, long Offered, long Completed, long Errors, long Throttles, double? ClientLatencyP50Ms, double? ClientLatencyP99Ms)
{
    /// <summary>Successful answers per second in this interval.</summary>
    public double ThroughputPerS(double widthS) => (Completed - Errors - Throttles) / widthS;
}
