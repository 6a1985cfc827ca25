namespace Lambench.Experiments;

/// <summary>The pipeline's end: its status and, where it stopped early, why (one line) and what to do (further lines, if any).</summary>
public sealed record PipelineResult(PipelineStatus Status, string? Message = null, IReadOnlyList<string>? Details = null)
{
    public static readonly PipelineResult Complete = new(PipelineStatus.Complete);
}
