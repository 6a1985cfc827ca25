namespace Lambench.Core.Specs;

/// <summary>One problem in a spec: the file, the line, the field (as a path such as protocol.repetitions) and what is wrong.</summary>
public sealed record SpecError(string Path, long Line, string Field, string Message)
{
    public override string ToString() => $"{Path}:{Line}: {Field}: {Message}";
}
