namespace Lambench.Analysis.Figures;

/// <summary>The files <see cref="FigureFiles"/> wrote, whether SVG and PNG are among them, and whether Chromium was missing.</summary>
public sealed record FigureFilesResult(IReadOnlyList<string> Files, bool StaticWritten, bool ChromiumMissing)
{
    /// <summary>Why the SVG and PNG export failed (Chromium exited, refused or timed out); null when it did not fail.</summary>
    public string? StaticError { get; init; }

    /// <summary>The warning a report or script prints when SVG and PNG are missing; null when they were written or not asked for.</summary>
    public string? Warning => ChromiumMissing ? "SVG and PNG figures skipped: " + FigureFiles.NoChromium
        : StaticError is { } error ? "SVG and PNG figures skipped: " + error : null;
}
