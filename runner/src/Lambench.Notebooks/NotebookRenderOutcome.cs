namespace Lambench.Notebooks;

/// <summary>The files a render wrote and what it warned about.</summary>
public sealed record NotebookRenderOutcome(IReadOnlyList<string> FilesWritten, IReadOnlyList<string> Warnings);
