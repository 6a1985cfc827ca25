using Lambench.Core.Vocabulary;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

public sealed class RunPlanBuilderTests
{
    private static ExperimentSpec Spec(string name) => new ExperimentSpecReader().Read(Path.Combine(RepositoryPaths.Root(), "experiments", name + ".yaml"));

    [Fact]
    public void The_seed_000_plan_has_the_protocols_steps_in_order()
    {
        // In the spec's order, to check the layout: rounds of blocks, each configure, warm-up, then the repetitions.
        var spec = Spec("tcc-dynamo-writes");
        spec = spec with { Protocol = spec.Protocol with { Order = BatchOrder.Fixed } };
        var plan = RunPlanBuilder.Build(spec, "run1");
        // Per configuration and round, by hand: 1 configure + 1 warm-up + 0 cold + 5 repetitions x 4 batches = 22; 4 configurations; 5 rounds.
        Assert.Equal(440, plan.Steps.Count);
        Assert.Equal((420, 20, 400, 0), (plan.Invocations(), plan.Invocations(StepPhase.Warmup), plan.Invocations(StepPhase.Warm), plan.Invocations(StepPhase.Cold)));
        Assert.Equal(Enumerable.Range(0, 440), plan.Steps.Select(s => s.Index));
        Assert.Equal(5, plan.Rounds);
        var first = plan.Steps.Take(7).Select(s => $"{s.Kind.Name()} {s.Configuration} {s.Batch} {s.Phase?.Name()} {s.Repetition} {s.Round}");
        Assert.Equal(
            ["configure python-arm64-512mb    1", "invoke python-arm64-512mb 1KBx100 warmup 1 1", "invoke python-arm64-512mb 1KBx100 warm 1 1", "invoke python-arm64-512mb 64KBx100 warm 1 1",
             "invoke python-arm64-512mb 1KBx1024 warm 1 1", "invoke python-arm64-512mb 64KBx16 warm 1 1", "invoke python-arm64-512mb 1KBx100 warm 2 1"],
            first);
        Assert.Equal([1, 2, 3, 4, 5], plan.Steps.Select(s => s.Round).Distinct());
        Assert.Equal("configure python-arm64-512mb 2", $"{plan.Steps[88].Kind.Name()} {plan.Steps[88].Configuration} {plan.Steps[88].Round}");
        Assert.Null(plan.Seed);
        Assert.Equal("run1-00002-1", plan.Steps[2].BatchId("run1", 1));
    }

    [Fact]
    public void Every_round_is_a_full_pass_with_an_interleaving_of_its_own()
    {
        var plan = RunPlanBuilder.Build(Spec("tcc-dynamo-writes"), "r", seed: 11);
        var spec = Spec("tcc-dynamo-writes");
        var orders = new List<string>();
        foreach (var round in plan.Steps.GroupBy(s => s.Round))
        {
            // Each configuration once per round, as one block that starts with its configure step.
            var blocks = round.Where(s => s.Kind == StepKind.Configure).Select(s => s.Configuration).ToList();
            Assert.Equal(spec.Configurations.Select(c => c.Name).Order(), blocks.Order());
            orders.Add(string.Join(",", blocks));
            foreach (var block in round.GroupBy(s => s.Configuration))
            {
                Assert.Equal(StepKind.Configure, block.First().Kind);
                var warm = block.Where(s => s.Phase == StepPhase.Warm).Select(s => (s.Batch, s.Repetition)).ToList();
                Assert.Equal(spec.Batches.SelectMany(b => Enumerable.Range(1, 5).Select(r => ((string?)b.Label, (int?)r))).Order(), warm.Order());
                Assert.Equal(Enumerable.Range(block.First().Index, block.Count()), block.Select(s => s.Index));
            }
        }

        Assert.Equal(5, orders.Count);
        Assert.True(orders.Distinct().Count() > 1, "every round draws its own order of configurations");
    }

    [Fact]
    public void Cold_starts_come_before_the_warm_repetitions_of_each_configuration()
    {
        var plan = RunPlanBuilder.Build(Spec("cold-starts"), "r");
        // 5 rounds x 12 configurations x (1 configure + 6 cold + 5 warm) = 720, by hand.
        Assert.Equal(720, plan.Steps.Count);
        var block = plan.Steps.Skip(1).Take(11).Select(s => s.Phase).ToList();
        Assert.Equal(Enumerable.Repeat((StepPhase?)StepPhase.Cold, 6).Concat(Enumerable.Repeat((StepPhase?)StepPhase.Warm, 5)), block);
        Assert.Equal(30, plan.Steps.Count(s => s.Phase == StepPhase.Cold && s.Configuration == "go-arm64-128mb"));
    }

    [Fact]
    public void A_random_order_is_reproducible_from_its_seed_and_keeps_every_step()
    {
        var spec = Spec("arch-compute");
        var a = RunPlanBuilder.Build(spec, "r");
        var b = RunPlanBuilder.Build(spec, "r");
        // The spec's seed wins over a seed given to the run (which is for a spec without one).
        Assert.Equal(a.Steps, RunPlanBuilder.Build(spec, "r", seed: 7).Steps);
        var other = RunPlanBuilder.Build(spec with { Protocol = spec.Protocol with { Seed = null } }, "r", seed: 7);
        Assert.Equal((20260101, 7), (a.Seed, other.Seed));
        Assert.Equal(a.Steps, b.Steps);
        Assert.NotEqual(a.Steps.Select(s => (s.Configuration, s.Batch, s.Repetition)), other.Steps.Select(s => (s.Configuration, s.Batch, s.Repetition)));
        Assert.Equal(
            a.Steps.Select(s => (s.Kind, s.Configuration, s.Batch, s.Phase, s.Repetition)).Order(),
            other.Steps.Select(s => (s.Kind, s.Configuration, s.Batch, s.Phase, s.Repetition)).Order());
    }

    [Fact]
    public void A_random_order_without_a_seed_draws_one_and_records_it()
    {
        var spec = Spec("arch-compute") with { Protocol = Spec("arch-compute").Protocol with { Seed = null } };
        var plan = RunPlanBuilder.Build(spec, "r");
        Assert.NotNull(plan.Seed);
        Assert.Equal(plan.Steps, RunPlanBuilder.Build(spec, "r", plan.Seed).Steps);
    }
}
