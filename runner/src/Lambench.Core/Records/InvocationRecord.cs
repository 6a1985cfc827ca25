namespace Lambench.Core.Records;

/// <summary>
/// One Lambda invocation: a row of invocations.csv. Absent values are null, never 0,
/// because a missing Init Duration means "warm", not "an init of 0 ms".
/// </summary>
public sealed record InvocationRecord
{
    public required string Configuration { get; init; }
    public string? FunctionName { get; init; }
    public string? Runtime { get; init; }
    public string? Architecture { get; init; }
    public int? MemorySizeMb { get; init; }
    public required string RequestId { get; init; }
    public DateTimeOffset? TimestampUtc { get; init; }
    public required double DurationMs { get; init; }
    public double? BilledDurationMs { get; init; }
    public double? InitDurationMs { get; init; }
    public double? RestoreDurationMs { get; init; }
    public double? BilledRestoreDurationMs { get; init; }
    public double? MaxMemoryUsedMb { get; init; }
    public string Status { get; init; } = InvocationStatus.Success;
    public string? ErrorType { get; init; }
    public string? Platform { get; init; }
    public string? Label { get; init; }
    public string? BatchId { get; init; }
    public int? Repetition { get; init; }

    /// <summary>The round of a replicated run (a full pass of the protocol with fresh environments); null where none was logged.</summary>
    public int? Round { get; init; }

    /// <summary>Cold when Lambda reported an Init or a Restore duration, as Lambda itself decides.</summary>
    public StartType StartType => InitDurationMs is not null || RestoreDurationMs is not null ? StartType.Cold : StartType.Warm;
}
