namespace Lambench.Load.Arrivals;

/// <summary>
/// One part of an open-loop load, in the order given: <see cref="RatePerSecond"/> for constant and Poisson arrivals,
/// <see cref="Requests"/> for a burst. A ramp (steps) is a run of constant segments.
/// </summary>
public sealed record LoadSegment(ArrivalShape Shape, TimeSpan Duration, double RatePerSecond = 0, int Requests = 0)
{
    /// <summary>Arrivals the segment plans: exact for constant and burst, the expectation for Poisson.</summary>
    public double ExpectedArrivals => Shape switch
    {
        ArrivalShape.Burst => Requests,
        ArrivalShape.Constant => Math.Ceiling(RatePerSecond * Duration.TotalSeconds - 1e-9),
        _ => RatePerSecond * Duration.TotalSeconds,
    };
}
