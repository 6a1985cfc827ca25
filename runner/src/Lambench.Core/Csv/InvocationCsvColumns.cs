namespace Lambench.Core.Csv;

/// <summary>The columns of invocations.csv, in file order. Units are in the names.</summary>
public static class InvocationCsvColumns
{
    public const string Configuration = "configuration";
    public const string FunctionName = "function_name";
    public const string Runtime = "runtime";
    public const string Architecture = "architecture";
    public const string MemorySizeMb = "memory_size_mb";
    public const string StartType = "start_type";
    public const string RequestId = "request_id";
    public const string TimestampUtc = "timestamp_utc";
    public const string DurationMs = "duration_ms";
    public const string BilledDurationMs = "billed_duration_ms";
    public const string InitDurationMs = "init_duration_ms";
    public const string RestoreDurationMs = "restore_duration_ms";
    public const string BilledRestoreDurationMs = "billed_restore_duration_ms";
    public const string MaxMemoryUsedMb = "max_memory_used_mb";
    public const string Status = "status";
    public const string ErrorType = "error_type";
    public const string Platform = "platform";
    public const string Label = "label";
    public const string BatchId = "batch_id";
    public const string Repetition = "repetition";

    /// <summary>The round of a replicated run; optional when reading (files written before rounds existed lack it).</summary>
    public const string Round = "round";

    public static readonly IReadOnlyList<string> InOrder =
    [
        Configuration, FunctionName, Runtime, Architecture, MemorySizeMb, StartType, RequestId, TimestampUtc,
        DurationMs, BilledDurationMs, InitDurationMs, RestoreDurationMs, BilledRestoreDurationMs, MaxMemoryUsedMb,
        Status, ErrorType, Platform, Label, BatchId, Repetition, Round,
    ];

    /// <summary>Columns a file may lack: their cells read as empty.</summary>
    public static readonly IReadOnlySet<string> Optional = new HashSet<string>(StringComparer.Ordinal) { Round };
}
