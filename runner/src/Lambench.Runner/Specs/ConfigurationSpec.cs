using Lambench.Core.Vocabulary;

namespace Lambench.Runner.Specs;

/// <summary>One configuration under test: runtime (python or go), architecture and memory size.</summary>
public sealed record ConfigurationSpec(string Runtime, string Architecture, int MemoryMb)
{
    /// <summary>go-arm64-512mb: the configuration column of invocations.csv.</summary>
    public string Name => $"{Runtime}-{Architecture}-{MemoryMb}mb";

    /// <summary>The function of infra/template.yaml that runs <paramref name="workload"/> in this configuration.</summary>
    public string FunctionName(string stackName, Workload workload) => $"{stackName}-{Runtime}-{workload.Name()}-{Architecture}";

    /// <summary>The queue whose SQS trigger feeds this configuration's writer (infra/template.yaml).</summary>
    public string WriterQueueName(string stackName) => $"{stackName}-{Runtime}-writer-{Architecture}-writes";
}
