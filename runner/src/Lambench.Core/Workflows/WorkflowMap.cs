namespace Lambench.Core.Workflows;

/// <summary>A Map state's fan-out: its inner states run once per item, <see cref="Items"/> items per visit (a mean may be fractional).</summary>
public sealed record WorkflowMap(double Items, IReadOnlyList<WorkflowState> States);
