namespace Lambench.Core.Cost;

/// <summary>
/// When Lambda bills the INIT phase: always for custom runtimes, container images and provisioned concurrency; for
/// on-demand ZIP functions on managed runtimes from <see cref="AllOnDemandZipFrom"/> on.
/// </summary>
public sealed class InitBillingRule : SourcedPrice
{
    public DateOnly AllOnDemandZipFrom { get; init; }
    public List<string> AlwaysBilledRuntimePrefixes { get; init; } = [];

    public bool IsInitBilled(string? runtime, DateOnly? invocationDate) =>
        // Undated rows are priced by today's rule.
        IsAlwaysBilled(runtime) || invocationDate is not { } date || date >= AllOnDemandZipFrom;

    /// <summary>
    /// Whether the INIT phase is known to be billed: a custom runtime, or an invocation dated on or after the change.
    /// Unlike <see cref="IsInitBilled"/>, an undated invocation of an unknown runtime is not assumed billed, so a
    /// check built on this never refuses a line that an older rule priced.
    /// </summary>
    public bool IsKnownInitBilled(string? runtime, DateOnly? invocationDate) =>
        IsAlwaysBilled(runtime) || (invocationDate is { } date && date >= AllOnDemandZipFrom);

    /// <summary>A runtime whose INIT phase was always billed (custom runtimes): whatever the date.</summary>
    public bool IsAlwaysBilled(string? runtime) =>
        runtime is not null && AlwaysBilledRuntimePrefixes.Any(p => runtime.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    /// <summary>Billed Duration as Lambda computes it: the duration (plus the Init duration where billed) rounded up to the next ms.</summary>
    public decimal BilledDurationMs(double durationMs, double? initDurationMs, string? runtime, DateOnly? invocationDate)
    {
        // decimal, because 1.1 + 2.9 in binary floating point is a hair over 4 and would round up to 5.
        var billed = (decimal)durationMs;
        if (initDurationMs is { } init && IsInitBilled(runtime, invocationDate))
        {
            billed += (decimal)init;
        }

        return decimal.Ceiling(billed);
    }
}
