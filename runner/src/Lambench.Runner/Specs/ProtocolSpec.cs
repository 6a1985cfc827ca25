namespace Lambench.Runner.Specs;

/// <summary>How the runner measures: warm-up, forced cold starts, repetitions, concurrency, order and draining.</summary>
public sealed record ProtocolSpec
{
    /// <summary>
    /// Full passes of the protocol (randomised multiple interleaved trials): each round re-configures every
    /// configuration, which retires its execution environments, and with order random draws a new interleaving.
    /// The analysis takes the round as the unit of replication.
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Invocations per configuration run first and discarded.</summary>
    public int Warmup { get; init; } = 1;

    /// <summary>Cold starts forced per configuration and batch (an environment variable change, then a wait until the update is active).</summary>
    public int ColdStarts { get; init; }

    /// <summary>Warm repetitions of every batch per configuration (the thesis protocol asks for at least 5).</summary>
    public int Repetitions { get; init; } = 5;

    /// <summary>Reserved concurrency while the configuration runs; null leaves it unset.</summary>
    public int? ReservedConcurrency { get; init; } = 1;

    /// <summary>fixed: every configuration runs the batches in the spec's order; random: an interleaving drawn from <see cref="Seed"/>.</summary>
    public BatchOrder Order { get; init; } = BatchOrder.Fixed;

    /// <summary>The seed of a random order; drawn and recorded in plan.json when the spec gives none.</summary>
    public int? Seed { get; init; }

    /// <summary>How long to wait for a queue to drain before the next message (SQS channel).</summary>
    public int DrainTimeoutSeconds { get; init; } = 300;
}
