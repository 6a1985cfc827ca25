namespace Lambench.Runner.Plans;

/// <summary>The steps of a run in order, with the run id and the seed of a random order (plan.json).</summary>
public sealed record RunPlan(string RunId, string SpecName, string Order, int? Seed, IReadOnlyList<PlanStep> Steps)
{
    public int Invocations(string? phase = null) => Steps.Count(s => s.Kind == PlanStep.Invoke && (phase is null || s.Phase == phase));
}
