namespace Lambench.Runner.Execution;

/// <summary>A run that cannot go on: a failed step (journaled, resumable) or a target that does not fit the spec.</summary>
public sealed class RunException(string message, Exception? inner = null) : Exception(message, inner);
