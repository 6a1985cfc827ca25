namespace Lambench.Notebooks;

public enum NotebookCellKind
{
    Code,
    Markdown,
    Raw,
}
