using Lambench.Core.Vocabulary;

namespace Lambench.Runner.Specs;

/// <summary>An experiment as a spec file declares it (experiments/*.yaml), validated.</summary>
public sealed record ExperimentSpec
{
    public required string Path { get; init; }
    public required string Name { get; init; }
    public string Description { get; init; } = string.Empty;

    /// <summary>local (the embedded platform) or aws.</summary>
    public Platform Target { get; init; } = Platform.Local;

    /// <summary>writer, reader, cpu, sleep or noop: which function of each configuration runs.</summary>
    public required Workload Workload { get; init; }

    /// <summary>How the runner reaches the functions.</summary>
    public required Channel Channel { get; init; }

    public required IReadOnlyList<ConfigurationSpec> Configurations { get; init; }

    /// <summary>Factors allowed to differ between configurations: runtime, architecture, memory.</summary>
    public required IReadOnlySet<string> Variables { get; init; }

    public required IReadOnlyList<BatchSpec> Batches { get; init; }
    public required ProtocolSpec Protocol { get; init; }

    /// <summary>Each batch sent as a load (open or closed loop) instead of one invocation at a time; null for the step protocol.</summary>
    public LoadSpec? Load { get; init; }

    /// <summary>Things the spec does that the user should know (the SQS reserved-concurrency trap, for one).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
