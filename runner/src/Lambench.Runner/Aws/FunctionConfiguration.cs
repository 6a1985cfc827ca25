namespace Lambench.Runner.Aws;

/// <summary>What the runner reads of GetFunctionConfiguration.</summary>
public sealed record FunctionConfiguration(string FunctionName, string Runtime, string Architecture, int MemorySize, int Timeout, IReadOnlyDictionary<string, string> Environment, string State, string LastUpdateStatus)
{
    /// <summary>Why the function is not Active (Failed, Inactive), as Lambda says.</summary>
    public string? StateReason { get; init; }
}
