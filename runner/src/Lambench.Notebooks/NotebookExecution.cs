namespace Lambench.Notebooks;

/// <summary>The result of running a notebook's code cells: outputs per cell number, figures awaiting PNGs, warnings.</summary>
public sealed record NotebookExecution(
    NotebookDocument Notebook,
    IReadOnlyDictionary<int, ExecutedCell> Cells,
    IReadOnlyList<PendingFigure> Figures,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Warnings);
