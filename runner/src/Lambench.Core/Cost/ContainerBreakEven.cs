namespace Lambench.Core.Cost;

/// <summary>
/// Lambda against Fargate tasks for one measured configuration, as functions of the monthly request volume V:
/// Lambda(V) = V invocations of the mean Billed Duration at the configuration's memory (free tier optional);
/// Fargate(V) = tasks(V) × (vCPU × vCPU-hour + GB × GB-hour) × hours a month + load balancer, where
/// tasks(V) = max(minimum, ⌈V / (seconds a month × concurrency / service time × utilization)⌉). The break-even
/// volume is the smallest V with Lambda(V) ≥ Fargate(V), found task count by task count (Fargate is constant while the
/// count is) by bisection on Lambda, which grows with V.
/// </summary>
public sealed class ContainerBreakEven(PriceCatalog prices, FargateTaskSizing sizing, bool withFreeTier = true)
{
    /// <summary>The largest volume searched: ten billion requests a month.</summary>
    public const decimal MaxRequestsPerMonth = 10_000_000_000m;

    private readonly LambdaCostModel lambda = new(prices);
    private readonly FargateTaskSizing sizing = Checked(sizing);

    /// <summary>A sizing the search can use: with no task kept, or no capacity used, it would stop early or never.</summary>
    private static FargateTaskSizing Checked(FargateTaskSizing sizing)
    {
        var problem = sizing switch
        {
            { Vcpu: <= 0 } or { MemoryGb: <= 0 } => "a task needs vCPU and memory above 0",
            { ConcurrencyPerTask: < 1 } => "a task serves at least 1 request at a time",
            { TargetUtilization: <= 0 or > 1 } => "the target utilization is a share above 0 and at most 1",
            { MinimumTasks: < 1 } => "at least 1 task runs (a volume of 0 needs none, but then there is nothing to compare)",
            { LoadBalancerUsdPerMonth: < 0 } => "a load balancer's cost must not be negative",
            { HoursPerMonth: <= 0 or > 744 } => "a month has above 0 and at most 744 hours",
            _ => null,
        };
        return problem is null ? sizing : throw new ArgumentOutOfRangeException(nameof(sizing), problem);
    }

    public decimal SecondsPerMonth => sizing.HoursPerMonth * 3600m;

    /// <exception cref="PriceCatalogException">no Fargate price for the architecture.</exception>
    public decimal TaskUsdPerMonth(string architecture)
    {
        var arch = sizing.Architecture ?? Lambench.Core.Records.Architectures.Normalise(architecture);
        if (!prices.Fargate.Compute.TryGetValue(arch, out var compute) || compute.UsdPerVcpuHour <= 0)
        {
            throw new PriceCatalogException($"{prices.Origin}: no fargate.compute prices for {arch}; add them to the price file or pass --prices");
        }

        return (sizing.Vcpu * compute.UsdPerVcpuHour + sizing.MemoryGb * compute.UsdPerGbHour) * sizing.HoursPerMonth;
    }

    /// <summary>Requests one task serves in a month at the target utilization.</summary>
    public decimal RequestsPerTask(decimal serviceTimeMs) => SecondsPerMonth * sizing.ConcurrencyPerTask / (serviceTimeMs / 1000m) * sizing.TargetUtilization;

    public int Tasks(decimal requestsPerMonth, decimal serviceTimeMs) =>
        Math.Max(sizing.MinimumTasks, (int)Math.Min(int.MaxValue, Math.Ceiling(requestsPerMonth / RequestsPerTask(serviceTimeMs))));

    public decimal FargateUsd(decimal requestsPerMonth, string architecture, decimal serviceTimeMs) =>
        Tasks(requestsPerMonth, serviceTimeMs) * TaskUsdPerMonth(architecture) + sizing.LoadBalancerUsdPerMonth;

    public decimal LambdaUsd(decimal requestsPerMonth, string architecture, int memoryMb, decimal billedDurationMs) =>
        lambda.Monthly(architecture, (long)Math.Ceiling(requestsPerMonth), LambdaCostModel.GbSeconds(memoryMb, billedDurationMs), withFreeTier).TotalUsd;

    /// <exception cref="ArgumentOutOfRangeException">a service time or Billed Duration that is not above 0.</exception>
    public BreakEvenPoint Find(string configuration, string architecture, int memoryMb, decimal billedDurationMs, decimal serviceTimeMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serviceTimeMs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(billedDurationMs);
        var task = TaskUsdPerMonth(architecture);
        var perTask = RequestsPerTask(serviceTimeMs);
        var gbSeconds = LambdaCostModel.GbSeconds(memoryMb, billedDurationMs);
        var perMillion = lambda.Monthly(architecture, 1_000_000, gbSeconds, withFreeTier: false).TotalUsd;
        decimal Lambda(decimal v) => LambdaUsd(v, architecture, memoryMb, billedDurationMs);
        for (var n = sizing.MinimumTasks; ; n++)
        {
            var low = n == sizing.MinimumTasks ? 0 : perTask * (n - 1);
            var high = Math.Min(perTask * n, MaxRequestsPerMonth);
            var fargate = n * task + sizing.LoadBalancerUsdPerMonth;
            var gap = Lambda(high) - fargate;
            if (gap >= 0)
            {
                var volume = Bisect(Lambda, fargate, low, high);
                return new BreakEvenPoint(configuration, architecture, memoryMb, billedDurationMs, serviceTimeMs, task, perTask, perMillion, volume, n, fargate);
            }

            // Past the free tier Lambda's cost is concave in V (later tiers are cheaper) while Fargate's grows by one task
            // a step: once a step's Lambda cost grows less than a task costs, it always will, and Lambda stays cheaper.
            if (high >= MaxRequestsPerMonth || PastFreeTier(low, gbSeconds) && Lambda(high) - Lambda(low) < task)
            {
                return new BreakEvenPoint(configuration, architecture, memoryMb, billedDurationMs, serviceTimeMs, task, perTask, perMillion, null, null, null);
            }
        }
    }

    private bool PastFreeTier(decimal requests, decimal gbSecondsPerRequest) =>
        !withFreeTier || requests >= prices.Lambda.FreeTier.RequestsPerMonth && requests * gbSecondsPerRequest >= prices.Lambda.FreeTier.GbSecondsPerMonth;

    /// <summary>The smallest whole volume in (low, high] at which <paramref name="cost"/> reaches <paramref name="target"/> (it does at high).</summary>
    private static decimal Bisect(Func<decimal, decimal> cost, decimal target, decimal low, decimal high)
    {
        low = Math.Floor(low);
        high = Math.Ceiling(high);
        while (high - low > 1)
        {
            var middle = Math.Floor((low + high) / 2);
            if (cost(middle) >= target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return high;
    }
}
