namespace Lambench.Runner.Specs;

/// <summary>
/// One batch of the workload, sent as the function's event: writer {size_bytes, count}, cpu {operation, data_size,
/// iterations}, sleep {sleep_ms}. The label names it in invocations.csv.
/// </summary>
public sealed record BatchSpec(string Label, IReadOnlyDictionary<string, object> Parameters);
