namespace Lambench.Notebooks;

/// <summary>A cell that failed to compile or threw: the render stops here, naming the notebook, the cell and the error.</summary>
public sealed class NotebookCellException(string path, int cellNumber, string error)
    : Exception($"{path}: cell {cellNumber}: {error}")
{
    public string Path { get; } = path;

    /// <summary>1-based position of the cell in the notebook, counting Markdown cells too, as an editor shows it.</summary>
    public int CellNumber { get; } = cellNumber;

    public string Error { get; } = error;
}
