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
        var plan = RunPlanBuilder.Build(Spec("tcc-dynamo-writes"), "run1");
        // Per configuration, by hand: 1 configure + 1 warm-up + 0 cold + 5 repetitions x 4 batches = 22; 4 configurations.
        Assert.Equal(88, plan.Steps.Count);
        Assert.Equal((84, 4, 80, 0), (plan.Invocations(), plan.Invocations(PlanStep.Warmup), plan.Invocations(PlanStep.Warm), plan.Invocations(PlanStep.Cold)));
        Assert.Equal(Enumerable.Range(0, 88), plan.Steps.Select(s => s.Index));
        var first = plan.Steps.Take(7).Select(s => $"{s.Kind} {s.Configuration} {s.Batch} {s.Phase} {s.Repetition}");
        Assert.Equal(
            ["configure python-arm64-512mb   ", "invoke python-arm64-512mb 1KBx100 warmup 1", "invoke python-arm64-512mb 1KBx100 warm 1", "invoke python-arm64-512mb 64KBx100 warm 1",
             "invoke python-arm64-512mb 1KBx1024 warm 1", "invoke python-arm64-512mb 64KBx16 warm 1", "invoke python-arm64-512mb 1KBx100 warm 2"],
            first);
        Assert.Null(plan.Seed);
        Assert.Equal("run1-00002-1", plan.Steps[2].BatchId("run1", 1));
    }

    [Fact]
    public void Cold_starts_come_before_the_warm_repetitions_of_each_configuration()
    {
        var plan = RunPlanBuilder.Build(Spec("cold-starts"), "r");
        // 12 configurations x (1 configure + 30 cold + 5 warm) = 432, by hand.
        Assert.Equal(432, plan.Steps.Count);
        var block = plan.Steps.Skip(1).Take(35).Select(s => s.Phase).ToList();
        Assert.Equal(Enumerable.Repeat(PlanStep.Cold, 30).Concat(Enumerable.Repeat(PlanStep.Warm, 5)), block);
    }

    [Fact]
    public void A_random_order_is_reproducible_from_its_seed_and_keeps_every_step()
    {
        var spec = Spec("arch-compute");
        var a = RunPlanBuilder.Build(spec, "r");
        var b = RunPlanBuilder.Build(spec, "r");
        var other = RunPlanBuilder.Build(spec, "r", seed: 7);
        Assert.Equal(20260101, a.Seed);
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
