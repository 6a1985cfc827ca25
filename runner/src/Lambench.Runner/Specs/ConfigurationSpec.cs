using Lambench.Core.Vocabulary;

namespace Lambench.Runner.Specs;

/// <summary>One configuration under test: runtime (python or go), architecture and memory size.</summary>
public sealed record ConfigurationSpec(string Runtime, string Architecture, int MemoryMb)
{
    /// <summary>go-arm64-512mb: the configuration column of invocations.csv.</summary>
    public string Name => $"{Runtime}-{Architecture}-{MemoryMb}mb";

    /// <summary>The function of infra/template.yaml that runs <paramref name="workload"/> in this configuration.</summary>
    public string FunctionName(string stackName, Workload workload) => $"{stackName}-{Runtime}-{workload.Name()}-{Architecture}";

    /// <summary>
    /// The queue whose SQS trigger feeds this configuration's <paramref name="workload"/> (infra/template.yaml): the
    /// writer's writes, or the sleep function's intake (the asynchronous intake of the load tests); null for others.
    /// </summary>
    public string? QueueName(string stackName, Workload workload) => workload switch
    {
        Workload.Writer => $"{stackName}-{Runtime}-writer-{Architecture}-writes",
        Workload.Sleep => $"{stackName}-{Runtime}-sleep-{Architecture}-intake",
        _ => null,
    };
}
