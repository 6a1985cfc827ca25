namespace Lambench.Core.Specs;

/// <summary>A spec with errors: all of them, so one edit fixes everything; nothing is run.</summary>
public sealed class SpecException(IReadOnlyList<SpecError> errors)
    : Exception($"{errors.Count} error(s) in the spec:\n" + string.Join('\n', errors.Select(e => "  " + e)))
{
    public IReadOnlyList<SpecError> Errors { get; } = errors;
}
