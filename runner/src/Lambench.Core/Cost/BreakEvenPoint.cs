namespace Lambench.Core.Cost;

/// <summary>
/// Where Lambda stops paying off for one configuration: the smallest monthly volume at which Lambda costs at least as
/// much as the Fargate tasks that would serve it (null: Lambda stays cheaper up to <see cref="ContainerBreakEven.MaxRequestsPerMonth"/>).
/// </summary>
/// <param name="ServiceTimeMs">the time one request holds a task, from which a task's capacity follows.</param>
/// <param name="TaskUsdPerMonth">one task running all month.</param>
/// <param name="LambdaUsdPerMillion">a million invocations without the free tier, at the first tier's price.</param>
public sealed record BreakEvenPoint(
    string Configuration, string Architecture, int MemoryMb, decimal BilledDurationMs, decimal ServiceTimeMs,
    decimal TaskUsdPerMonth, decimal RequestsPerTaskPerMonth, decimal LambdaUsdPerMillion,
    decimal? RequestsPerMonth, int? Tasks, decimal? CostUsdPerMonth);
