namespace Lambench.LocalPlatform.Template;

/// <summary>A template the local platform cannot use: the file, the line, the resource and the reason.</summary>
public sealed class TemplateException(string path, long line, string? resource, string reason)
    : Exception($"{path}:{line}: {(resource is null ? string.Empty : resource + ": ")}{reason}")
{
    public string Path { get; } = path;

    public long Line { get; } = line;

    public string? Resource { get; } = resource;

    public string Reason { get; } = reason;
}
