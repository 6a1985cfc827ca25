namespace Lambench.Analysis.Figures;

/// <summary>The files <see cref="FigureFiles"/> wrote, whether SVG and PNG are among them, and whether Chromium was missing.</summary>
public sealed record FigureFilesResult(IReadOnlyList<string> Files, bool StaticWritten, bool ChromiumMissing);
