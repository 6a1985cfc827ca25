namespace Lambench.Runner.Execution;

/// <summary>What one <c>run</c> did: steps run now, steps found done in the journal, wall time, throttled calls retried.</summary>
public sealed record RunExecution(int StepsRun, int StepsAlreadyDone, TimeSpan Elapsed, int Throttles);
