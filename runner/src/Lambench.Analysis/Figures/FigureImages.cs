namespace Lambench.Analysis.Figures;

/// <summary>A figure exported by Chromium: SVG markup and PNG bytes.</summary>
public sealed record FigureImages(string Svg, byte[] Png);
