using Lambench.Analysis.Figures;

namespace Lambench.Notebooks;

/// <summary>A figure shown by a cell, by cell number and output index, waiting for its PNG.</summary>
public sealed record PendingFigure(int CellNumber, int OutputIndex, ReportFigure Figure);
