namespace Lambench.Core.Workflows;

/// <summary>A state machine run once per execution: its type, its states in order and, for express, how long and how big it runs.</summary>
public sealed record WorkflowStateMachine(string Name, StateMachineType Type, IReadOnlyList<WorkflowState> States, double? DurationMs, int? MemoryMb)
{
    /// <summary>
    /// State transitions of one execution: each state entered is one, a Map state counts itself once and its inner
    /// states once per item, and each retry is one more (AWS: "a state transition each time a step of your workflow is
    /// executed", retries included).
    /// </summary>
    public double TransitionsPerExecution => Entries().Sum(e => e.Times);

    /// <summary>How many times each function is invoked in one execution, through the states that name it.</summary>
    public IReadOnlyDictionary<string, double> InvocationsPerExecution() =>
        Entries().Where(e => e.State.Function is not null)
            .GroupBy(e => e.State.Function!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.Times), StringComparer.Ordinal);

    /// <summary>Every state, nested ones too, with how many times one execution enters it, its retries included.</summary>
    private IEnumerable<(WorkflowState State, double Times)> Entries()
    {
        static IEnumerable<(WorkflowState, double)> Walk(IEnumerable<WorkflowState> states, double visits) =>
            states.SelectMany(s => new[] { (s, visits * (1 + s.RetriesPerVisit)) }
                .Concat(s.Map is { } map ? Walk(map.States, visits * map.Items) : []));

        return Walk(States, 1);
    }
}
