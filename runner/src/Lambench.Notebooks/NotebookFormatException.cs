namespace Lambench.Notebooks;

/// <summary>A file that is not a notebook the renderer can run; the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;

    public string Reason { get; } = reason;
}
