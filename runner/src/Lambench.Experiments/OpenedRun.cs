using Lambench.Core.Vocabulary;
using Lambench.Runner.Execution;

namespace Lambench.Experiments;

/// <summary>A run directory opened and locked for this process, with its target; disposing releases the lock.</summary>
public sealed class OpenedRun(RunDirectory run, Platform target, string? region, IDisposable runLock) : IDisposable
{
    public RunDirectory Run { get; } = run;

    public Platform Target { get; } = target;

    /// <summary>AWS: the region the account checks passed in; null locally.</summary>
    public string? Region { get; } = region;

    public void Dispose() => runLock.Dispose();
}
