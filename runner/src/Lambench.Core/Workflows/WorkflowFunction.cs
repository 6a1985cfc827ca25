namespace Lambench.Core.Workflows;

/// <summary>A Lambda function of the architecture: its memory, architecture and billed duration per invocation.</summary>
/// <param name="DurationMs">mean billed duration of one invocation, assumed or measured.</param>
/// <param name="DurationSource">where the duration comes from: "assumed", or the measured file and configuration.</param>
/// <param name="ExtraInvocationsPerExecution">invocations per execution beyond those of the state machines' states.</param>
public sealed record WorkflowFunction(string Name, int MemoryMb, string Architecture, double DurationMs, string DurationSource, double ExtraInvocationsPerExecution);
