namespace Lambench.Experiments;

/// <summary>The pipeline's end: its status and, where it stopped early, why and what to do.</summary>
public sealed record PipelineResult(PipelineStatus Status, string? Message = null)
{
    public static readonly PipelineResult Complete = new(PipelineStatus.Complete);
}
