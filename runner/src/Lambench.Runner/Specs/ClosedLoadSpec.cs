using Lambench.Load.Generation;

namespace Lambench.Runner.Specs;

/// <summary>
/// Closed-loop virtual users: each sends, waits for the answer, thinks (between the two bounds, drawn from the load's
/// seed), and sends again. Levels in order: one (users for duration_s) or a ramp (users: [5, 20], each for step_s).
/// </summary>
public sealed record ClosedLoadSpec(IReadOnlyList<UserLevel> Levels, TimeSpan ThinkMin, TimeSpan ThinkMax)
{
    public TimeSpan Duration => Levels.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Duration);

    /// <summary>
    /// The most requests the users can send: each sends at once, then again after its shortest think time at the
    /// soonest (as if every answer came in no time), so per level users × (⌊duration / think_min⌋ + 1). Null when
    /// the think time can be 0: then only the answers bound it.
    /// </summary>
    public long? MostRequests => ThinkMin <= TimeSpan.Zero
        ? null
        : Levels.Sum(l => l.Users * ((long)Math.Floor(l.Duration / ThinkMin) + 1));

    public bool Equals(ClosedLoadSpec? other) =>
        other is not null && Levels.SequenceEqual(other.Levels) && ThinkMin == other.ThinkMin && ThinkMax == other.ThinkMax;

    public override int GetHashCode() => HashCode.Combine(Levels.Count, ThinkMin, ThinkMax);
}
