namespace Lambench.Runner.Plans;

/// <summary>
/// One step of a run. configure: set the configuration's memory and reserved concurrency and wait until the update
/// is active. invoke: send one batch; Phase says whether it is a discarded warm-up, a forced cold start (the runner
/// changes an environment variable first) or a warm repetition. Round: the pass of the protocol the step belongs to
/// (1 in a run of one round, and in plans written before rounds existed).
/// </summary>
public sealed record PlanStep(int Index, StepKind Kind, string Configuration, string? Batch, StepPhase? Phase, int? Repetition, int Round = 1)
{
    /// <summary>
    /// The batch id the function logs with its request id: unique per run, step and attempt, so a step retried
    /// after a crash is never confused with its abandoned first attempt.
    /// </summary>
    public string BatchId(string runId, int attempt) => $"{runId}-{Index:D5}-{attempt}";
}
