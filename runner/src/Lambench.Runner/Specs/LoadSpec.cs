using Lambench.Load.Arrivals;

namespace Lambench.Runner.Specs;

/// <summary>
/// The spec's <c>load</c>: instead of one invocation at a time, each batch is sent as a load, either open-loop
/// (arrivals on a schedule fixed beforehand: constant, Poisson, bursts, ramps) or closed-loop (virtual users).
/// </summary>
public sealed record LoadSpec
{
    /// <summary>The open-loop segments in order (a ramp already expanded into constant segments); null for a closed loop.</summary>
    public IReadOnlyList<LoadSegment>? Open { get; init; }

    public ClosedLoadSpec? Closed { get; init; }

    /// <summary>Requests sent and not yet answered at most (open loop); one more waits, and its latency still counts from its intended time.</summary>
    public int MaxOutstanding { get; init; } = 1000;

    /// <summary>The seed of Poisson arrivals and of think times drawn between bounds; drawn and recorded in plan.json when the spec gives none.</summary>
    public int? Seed { get; init; }

    /// <summary>Requests one load step plans: exact for constant and burst segments, the expectation for Poisson; null for users.</summary>
    public long? ExpectedRequests => Open is null ? null : (long)Math.Ceiling(Open.Sum(s => s.ExpectedArrivals));

    /// <summary>
    /// Requests one load step counts for the plan's size and the cost estimate: <see cref="ExpectedRequests"/> for
    /// arrivals, the users' most (<see cref="ClosedLoadSpec.MostRequests"/>) for a closed loop; null when unbounded.
    /// </summary>
    public long? CountedRequests => ExpectedRequests ?? Closed?.MostRequests;

    /// <summary>How long one load step sends.</summary>
    public TimeSpan Duration => Open is null ? Closed!.Duration : Open.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary>Whether the load draws anything at random (Poisson arrivals, think times between bounds), so needs a seed.</summary>
    public bool IsRandom => Open?.Any(s => s.Shape == ArrivalShape.Poisson) == true || (Closed is { } closed && closed.ThinkMin != closed.ThinkMax);
}
