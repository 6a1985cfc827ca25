namespace Lambench.Notebooks;

/// <summary>How <c>lambench notebook render</c> runs: where it writes, parameters for the parameters cell, presentation.</summary>
public sealed record NotebookRenderOptions
{
    public required string OutputDirectory { get; init; }

    /// <summary>Assigned after each notebook's cell tagged "parameters" (name = value).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Leave code out of the HTML page (the executed .ipynb keeps it).</summary>
    public bool HideCode { get; init; }

    /// <summary>Add PNGs of figures with headless Chromium; without it, figures stay interactive HTML only.</summary>
    public bool StaticFigures { get; init; } = true;

    public string? ChromiumPath { get; init; }

    /// <summary>The language of the notebooks' prose (en or pt-BR): Markdown cells are shown in their translation to it.</summary>
    public string Language { get; init; } = "en";
}
