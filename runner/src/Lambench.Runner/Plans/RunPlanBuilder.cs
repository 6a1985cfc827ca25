using Lambench.Runner.Specs;

namespace Lambench.Runner.Plans;

/// <summary>
/// Turns a spec into the steps of a run. Per configuration: configure, the discarded warm-ups, the forced cold starts
/// (each batch, cold_starts times), then the warm repetitions. fixed: configurations and repetitions in the spec's
/// order; random: the configuration blocks and the warm (batch, repetition) pairs within each block shuffled with a
/// seeded generator, the seed recorded. The plan, not the seed, is what a resumed run follows.
/// </summary>
public static class RunPlanBuilder
{
    public static RunPlan Build(ExperimentSpec spec, string runId, int? seed = null)
    {
        var protocol = spec.Protocol;
        // A random order without a seed in the spec draws one, so that plan.json can record it.
        int? usedSeed = protocol.Order == "random" ? seed ?? protocol.Seed ?? Random.Shared.Next() : null;
        var random = usedSeed is { } value ? new Random(value) : null;
        var configurations = spec.Configurations.ToArray();
        random?.Shuffle(configurations);
        var steps = new List<PlanStep>();
        foreach (var configuration in configurations)
        {
            var name = configuration.Name;
            steps.Add(new PlanStep(steps.Count, PlanStep.Configure, name, null, null, null));
            for (var i = 0; i < protocol.Warmup; i++)
            {
                steps.Add(new PlanStep(steps.Count, PlanStep.Invoke, name, spec.Batches[0].Label, PlanStep.Warmup, i + 1));
            }

            foreach (var batch in spec.Batches)
            {
                for (var i = 0; i < protocol.ColdStarts; i++)
                {
                    steps.Add(new PlanStep(steps.Count, PlanStep.Invoke, name, batch.Label, PlanStep.Cold, i + 1));
                }
            }

            var warm = Enumerable.Range(1, protocol.Repetitions).SelectMany(r => spec.Batches.Select(b => (b.Label, Repetition: r))).ToArray();
            random?.Shuffle(warm);
            foreach (var (label, repetition) in warm)
            {
                steps.Add(new PlanStep(steps.Count, PlanStep.Invoke, name, label, PlanStep.Warm, repetition));
            }
        }

        return new RunPlan(runId, spec.Name, protocol.Order, usedSeed, steps);
    }
}
