using Lambench.Core.Specs;
using Lambench.Load.Arrivals;
using Lambench.Load.Generation;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Tests;

public sealed class LoadSpecReaderTests : IDisposable
{
    private const string Spec = """
        name: l
        workload: sleep
        channel: url
        configurations: { runtimes: [go], architectures: [x86_64], memory_mb: [512] }
        batches: [{ label: s, sleep_ms: 100 }]
        protocol: { rounds: 2, warmup: 1, reserved_concurrency: 5, order: fixed }
        load:
          open:
            - { shape: constant, rate_per_s: 2.5, duration_s: 4 }
            - { shape: steps, rates_per_s: [1, 3, 1], step_s: 2 }
            - { shape: poisson, rate_per_s: 10, duration_s: 1 }
            - { shape: burst, requests: 7, duration_s: 3 }
          max_outstanding: 50
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("lambench-load-spec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_directory, "spec.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private List<string> Errors(string yaml) =>
        Assert.Throws<SpecException>(() => new ExperimentSpecReader().Read(Write(yaml))).Errors.Select(e => $"{e.Line}: {e.Field}: {e.Message}").ToList();

    [Fact]
    public void Segments_read_in_order_a_ramp_becomes_constant_steps_and_the_plan_has_one_load_step_per_batch_and_round()
    {
        var spec = new ExperimentSpecReader().Read(Write(Spec));
        var load = spec.Load!;
        Assert.Equal(
        [
            new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(4), RatePerSecond: 2.5),
            new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(2), RatePerSecond: 1),
            new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(2), RatePerSecond: 3),
            new LoadSegment(ArrivalShape.Constant, TimeSpan.FromSeconds(2), RatePerSecond: 1),
            new LoadSegment(ArrivalShape.Poisson, TimeSpan.FromSeconds(1), RatePerSecond: 10),
            new LoadSegment(ArrivalShape.Burst, TimeSpan.FromSeconds(3), Requests: 7),
        ], load.Open);
        // By hand: 10 + 2 + 6 + 2 + 10 (expected) + 7 = 37 requests over 4 + 6 + 1 + 3 = 14 s.
        Assert.Equal((37L, TimeSpan.FromSeconds(14), 50), (load.ExpectedRequests!.Value, load.Duration, load.MaxOutstanding));
        Assert.Equal((0, 0), (spec.Protocol.ColdStarts, spec.Protocol.Repetitions));

        var plan = RunPlanBuilder.Build(spec, "run", seed: 3);
        Assert.Equal(["configure", "invoke", "load", "configure", "invoke", "load"], plan.Steps.Select(s => s.Kind.ToString().ToLowerInvariant()));
        Assert.Equal(3, plan.LoadSeed);
        Assert.Equal(2 * (1 + 37), RunPlanBuilder.InvocationCount(spec));
    }

    [Fact]
    public void Users_read_and_a_load_spec_refuses_what_only_the_step_protocol_has()
    {
        var closed = Spec[..Spec.IndexOf("  open:", StringComparison.Ordinal)] + "  closed: { users: 20, think_ms: 0, duration_s: 60 }\n";
        Assert.Equal(new ClosedLoadSpec([new UserLevel(20, TimeSpan.FromSeconds(60))], TimeSpan.Zero, TimeSpan.Zero), new ExperimentSpecReader().Read(Write(closed)).Load!.Closed);
        Assert.Null(RunPlanBuilder.Build(new ExperimentSpecReader().Read(Write(closed)), "run").LoadSeed);
        var ramp = new ExperimentSpecReader().Read(Write(closed.Replace("users: 20, think_ms: 0, duration_s: 60", "users: [5, 20], think_ms: [100, 500], step_s: 30", StringComparison.Ordinal)));
        Assert.Equal(new ClosedLoadSpec([new UserLevel(5, TimeSpan.FromSeconds(30)), new UserLevel(20, TimeSpan.FromSeconds(30))], TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500)), ramp.Load!.Closed);
        Assert.NotNull(RunPlanBuilder.Build(ramp, "run").LoadSeed);
        var steps = new ExperimentSpecReader().Read(Write(closed.Replace("users: 20, think_ms: 0, duration_s: 60", "users: [5, 20], think_ms: 0, step_s: [30, 60]", StringComparison.Ordinal)));
        Assert.Equal([new UserLevel(5, TimeSpan.FromSeconds(30)), new UserLevel(20, TimeSpan.FromSeconds(60))], steps.Load!.Closed!.Levels);
        Assert.Contains("1 durations for 2 levels", string.Join("\n", Errors(closed.Replace("users: 20, think_ms: 0, duration_s: 60", "users: [5, 20], think_ms: 0, step_s: [30]", StringComparison.Ordinal)))); // think times are drawn: the seed is recorded
        Assert.Contains("8: load.closed.think_ms: a time in ms, or [least, most]", string.Join("\n", Errors(closed.Replace("think_ms: 0", "think_ms: [500, 100]", StringComparison.Ordinal))));

        var errors = Errors(Spec.Replace("rounds: 2,", "rounds: 2, repetitions: 5,", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("6: protocol.repetitions:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("- { shape: constant, rate_per_s: 2.5, duration_s: 4 }", "- { shape: Constant, rate_per_s: 2.5, duration_s: 4 }", "9: load.open[0].shape: 'Constant' is not one of constant, poisson, burst, steps")]
    [InlineData("rate_per_s: 2.5,", "rate_per_s: -1,", "9: load.open[0].rate_per_s: '-1' is not a number")]
    [InlineData("rate_per_s: 2.5,", "rate_per_s: 1e3,", "9: load.open[0].rate_per_s: '1e3' is not a number")]
    [InlineData("rates_per_s: [1, 3, 1]", "rates_per_s: [1, 0, x]", "10: load.open[1].rates_per_s: 0 is outside 0.001 to 100000")]
    [InlineData("rates_per_s: [1, 3, 1]", "rates_per_s: [1, 0, x]", "10: load.open[1].rates_per_s: 'x' is not a number")]
    [InlineData("requests: 7,", "requests: 0,", "12: load.open[3].requests: 0 is outside 1 to 100000")]
    [InlineData("max_outstanding: 50", "max_outstanding: 50\n  closed: { users: 1, think_ms: 0, duration_s: 1 }", "8: load: give either open (arrivals on a schedule) or closed (virtual users), one of them")]
    public void A_wrong_load_is_an_error_with_its_line_and_field(string valid, string wrong, string expected)
    {
        Assert.Contains(Errors(Spec.Replace(valid, wrong, StringComparison.Ordinal)), e => e.StartsWith(expected, StringComparison.Ordinal));
    }
}
