namespace Lambench.Experiments;

/// <summary>How a run through the pipeline ended.</summary>
public enum PipelineStatus
{
    /// <summary>Every step run, every REPORT line found, the report written (if asked for).</summary>
    Complete,

    /// <summary>Run and reported, but REPORT lines, items or matches are missing: collect again later.</summary>
    Incomplete,

    /// <summary>Something outside the user's input failed (an AWS call, the run itself).</summary>
    Failed,

    /// <summary>Input the user can fix (a price file, a report that cannot be written).</summary>
    BadInput,

    /// <summary>Stopped by Ctrl+C; the journal keeps what was done.</summary>
    Cancelled,
}
