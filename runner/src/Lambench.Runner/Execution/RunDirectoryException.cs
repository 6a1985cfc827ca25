namespace Lambench.Runner.Execution;

/// <summary>A run directory that cannot be used as asked (another spec's run, an unrelated non-empty directory).</summary>
public sealed class RunDirectoryException(string message) : Exception(message);
