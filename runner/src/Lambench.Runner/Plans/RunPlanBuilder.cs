using Lambench.Runner.Specs;

namespace Lambench.Runner.Plans;

/// <summary>
/// Turns a spec into the steps of a run: rounds, each a full pass of the protocol over every configuration. Per
/// configuration and round: configure, the discarded warm-ups, the forced cold starts (each batch, cold_starts
/// times), then the warm repetitions. fixed: configurations and repetitions in the spec's order in every round;
/// random: in each round the configuration blocks and the warm (batch, repetition) pairs within each block shuffled
/// with one seeded generator, so every round has an interleaving of its own, the seed recorded. The plan, not the
/// seed, is what a resumed run follows. A load spec has, per configuration and round, configure, the warm-ups and one
/// load step per batch.
/// </summary>
public static class RunPlanBuilder
{
    /// <summary>What a plan may hold unless the user allows more (run --max-invocations): some days of invocations.</summary>
    public const long DefaultMaxInvocations = 100_000;

    /// <summary>
    /// The most that can be allowed: the plan is held in memory and written to plan.json. An independent trial measured
    /// 1.76 GB of memory and a 237 MB plan.json for 1.2 million steps, so a million is some 1.5 GB on a small machine.
    /// </summary>
    public const long MaxInvocationsCeiling = 1_000_000;

    /// <summary>The invocations a spec's plan holds, counted without building it (a long: a spec can ask for billions).</summary>
    public static long InvocationCount(ExperimentSpec spec)
    {
        var protocol = spec.Protocol;
        try
        {
            // A load step's requests count too: the planned arrivals, or the most closed-loop users can send (none when
            // their think time can be 0: then only the answers bound them).
            var perBlock = checked(protocol.Warmup + (long)spec.Batches.Count * (protocol.ColdStarts + (long)protocol.Repetitions + (spec.Load?.CountedRequests ?? 0)));
            return checked(protocol.Rounds * (long)spec.Configurations.Count * perBlock);
        }
        catch (OverflowException)
        {
            return long.MaxValue;
        }
    }

    public static RunPlan Build(ExperimentSpec spec, string runId, int? seed = null)
    {
        var protocol = spec.Protocol;
        // The spec's seed first (run --seed is for a spec without one, as its help says); without either one is drawn,
        // so that plan.json can record it.
        int? usedSeed = protocol.Order == BatchOrder.Random ? protocol.Seed ?? seed ?? Random.Shared.Next() : null;
        var random = usedSeed is { } value ? new Random(value) : null;
        var steps = new List<PlanStep>();
        for (var round = 1; round <= protocol.Rounds; round++)
        {
            var configurations = spec.Configurations.ToArray();
            random?.Shuffle(configurations);
            foreach (var configuration in configurations)
            {
                AddBlock(steps, spec, configuration.Name, round, random);
            }
        }

        return new RunPlan(runId, spec.Name, protocol.Order, usedSeed, steps)
        {
            Rounds = protocol.Rounds,
            LoadSeed = spec.Load?.IsRandom == true ? spec.Load.Seed ?? seed ?? Random.Shared.Next() : null,
        };
    }

    private static void AddBlock(List<PlanStep> steps, ExperimentSpec spec, string name, int round, Random? random)
    {
        var protocol = spec.Protocol;
        steps.Add(new PlanStep(steps.Count, StepKind.Configure, name, null, null, null, round));
        for (var i = 0; i < protocol.Warmup; i++)
        {
            steps.Add(new PlanStep(steps.Count, StepKind.Invoke, name, spec.Batches[0].Label, StepPhase.Warmup, i + 1, round));
        }

        if (spec.Load is not null)
        {
            var batches = spec.Batches.Select(b => b.Label).ToArray();
            random?.Shuffle(batches);
            foreach (var label in batches)
            {
                steps.Add(new PlanStep(steps.Count, StepKind.Load, name, label, null, null, round));
            }

            return;
        }

        foreach (var batch in spec.Batches)
        {
            for (var i = 0; i < protocol.ColdStarts; i++)
            {
                steps.Add(new PlanStep(steps.Count, StepKind.Invoke, name, batch.Label, StepPhase.Cold, i + 1, round));
            }
        }

        var warm = Enumerable.Range(1, protocol.Repetitions).SelectMany(r => spec.Batches.Select(b => (b.Label, Repetition: r))).ToArray();
        random?.Shuffle(warm);
        foreach (var (label, repetition) in warm)
        {
            steps.Add(new PlanStep(steps.Count, StepKind.Invoke, name, label, StepPhase.Warm, repetition, round));
        }
    }
}
