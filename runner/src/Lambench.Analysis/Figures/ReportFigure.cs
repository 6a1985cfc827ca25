namespace Lambench.Analysis.Figures;

/// <summary>One figure: its plotly.js figure JSON (data and layout) and a caption for the report.</summary>
public sealed record ReportFigure(string Id, string Title, string FigureJson, string Caption);
