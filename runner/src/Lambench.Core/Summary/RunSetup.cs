namespace Lambench.Core.Summary;

/// <summary>
/// How a run measured, as its collection.json records it for the Methods paragraph (the setup described fully): the
/// rounds, per round and configuration the discarded warm-ups, forced cold starts and warm repetitions per batch, the
/// reserved concurrency, the order and its seed, the workload, channel and platform, and the batch labels.
/// </summary>
public sealed record RunSetup(
    int Rounds,
    int Warmup,
    int ColdStarts,
    int Repetitions,
    int? ReservedConcurrency,
    string Order,
    int? Seed,
    string Workload,
    string Channel,
    string Platform,
    IReadOnlyList<string> Batches);
