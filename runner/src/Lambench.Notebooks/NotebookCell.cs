namespace Lambench.Notebooks;

/// <summary>One cell as read from the notebook: its position (1-based), kind, source text, kernel and tags.</summary>
public sealed record NotebookCell(int Number, NotebookCellKind Kind, string Source, string Kernel, IReadOnlyList<string> Tags)
{
    public bool IsParameters => Tags.Contains("parameters", StringComparer.Ordinal);
}
