namespace Lambench.Core.Workflows;

/// <summary>A state: a task that invokes a function (or none), or a Map state running its inner states once per item.</summary>
/// <param name="RetriesPerVisit">mean retries each time the state is entered (each is a transition and, for a task, an invocation).</param>
public sealed record WorkflowState(string Name, string? Function, WorkflowMap? Map, double RetriesPerVisit);
