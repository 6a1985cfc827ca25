using Lambench.Runner.Specs;

namespace Lambench.Runner.Plans;

/// <summary>The steps of a run in order, with the run id, the seed of a random order and the number of rounds (plan.json).</summary>
public sealed record RunPlan(string RunId, string SpecName, BatchOrder Order, int? Seed, IReadOnlyList<PlanStep> Steps)
{
    /// <summary>Full passes of the protocol; 1 in plans written before rounds existed.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>The seed of a load's Poisson arrivals or think times (the spec's, or one drawn); null where nothing is drawn.</summary>
    public int? LoadSeed { get; init; }

    public int Invocations(StepPhase? phase = null) => Steps.Count(s => s.Kind == StepKind.Invoke && (phase is null || s.Phase == phase));
}
