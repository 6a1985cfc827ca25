using Lambench.Analysis;

namespace Lambench.Experiments;

/// <summary>What the pipeline does after collection.</summary>
public sealed record PipelineOptions
{
    /// <summary>Write report/ from invocations.csv.</summary>
    public bool Report { get; init; } = true;

    /// <summary>SVG and PNG figures (headless Chromium).</summary>
    public bool StaticFigures { get; init; } = true;
    public ReportLanguage Language { get; init; } = ReportLanguage.English;
}
