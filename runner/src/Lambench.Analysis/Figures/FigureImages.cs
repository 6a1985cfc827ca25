namespace Lambench.Analysis.Figures;

/// <summary>A figure exported by Chromium: SVG markup, PNG bytes, and a vector PDF of the SVG for pdflatex.</summary>
public sealed record FigureImages(string Svg, byte[] Png)
{
    public byte[] Pdf { get; init; } = [];
}
