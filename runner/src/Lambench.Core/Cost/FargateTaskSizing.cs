namespace Lambench.Core.Cost;

/// <summary>
/// How the container alternative is sized and what else it pays for: the task's vCPU and memory, how many requests one
/// task serves at once, the share of its capacity used before another task starts, the fewest tasks kept running, and a
/// load balancer's monthly cost (0: none modelled). Traffic is taken as even over the month.
/// </summary>
public sealed record FargateTaskSizing
{
    /// <summary>vCPU of a task (256 CPU units = 0.25).</summary>
    public decimal Vcpu { get; init; } = 0.25m;
    public decimal MemoryGb { get; init; } = 0.5m;

    /// <summary>x86_64 or arm64: by default the Lambda configuration's own.</summary>
    public string? Architecture { get; init; }

    /// <summary>Requests one task serves at the same time.</summary>
    public int ConcurrencyPerTask { get; init; } = 1;

    /// <summary>The share of a task's capacity used before one more task runs (headroom for bursts).</summary>
    public decimal TargetUtilization { get; init; } = 1m;
    public int MinimumTasks { get; init; } = 1;
    public decimal LoadBalancerUsdPerMonth { get; init; }

    /// <summary>Hours a task runs in a month (AWS's calculators use 730).</summary>
    public decimal HoursPerMonth { get; init; } = 730m;
}
