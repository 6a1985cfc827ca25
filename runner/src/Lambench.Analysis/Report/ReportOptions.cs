using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

public sealed record ReportOptions
{
    public required string OutputDirectory { get; init; }
    public ReportLanguage Language { get; init; } = ReportLanguage.English;
    public long MonthlyInvocations { get; init; } = ConfigurationSummarizer.DefaultMonthlyInvocations;

    /// <summary>A declared share of cold starts (a production mix) for the mix rows; null: none.</summary>
    public double? ColdShare { get; init; }

    /// <summary>Null: export SVG/PNG with the Chromium found on this machine, or skip with a warning when there is none.</summary>
    public string? ChromiumPath { get; init; }
    public bool StaticFigures { get; init; } = true;

    /// <summary>Put before every LaTeX label (tab:&lt;prefix&gt;latency, fig:&lt;prefix&gt;cost), so two reports can share one thesis.</summary>
    public string LabelPrefix { get; init; } = string.Empty;

    /// <summary>A Chromium started before the data was read (<see cref="Figures.FigureFiles.StartChromium"/>), so its start-up overlaps the reading; the caller disposes it.</summary>
    public Figures.ChromiumSession? Chromium { get; init; }
}
