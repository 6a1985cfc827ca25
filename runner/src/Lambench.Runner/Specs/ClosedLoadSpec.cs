using Lambench.Load.Generation;

namespace Lambench.Runner.Specs;

/// <summary>
/// Closed-loop virtual users: each sends, waits for the answer, thinks (between the two bounds, drawn from the load's
/// seed), and sends again. Levels in order: one (users for duration_s) or a ramp (users: [5, 20], each for step_s).
/// </summary>
public sealed record ClosedLoadSpec(IReadOnlyList<UserLevel> Levels, TimeSpan ThinkMin, TimeSpan ThinkMax)
{
    public TimeSpan Duration => Levels.Aggregate(TimeSpan.Zero, (sum, l) => sum + l.Duration);

    public bool Equals(ClosedLoadSpec? other) =>
        other is not null && Levels.SequenceEqual(other.Levels) && ThinkMin == other.ThinkMin && ThinkMax == other.ThinkMax;

    public override int GetHashCode() => HashCode.Combine(Levels.Count, ThinkMin, ThinkMax);
}
