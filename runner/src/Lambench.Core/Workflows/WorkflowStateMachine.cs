namespace Lambench.Core.Workflows;

/// <summary>A state machine run once per execution: its type, its states in order and, for express, how long and how big it runs.</summary>
public sealed record WorkflowStateMachine(string Name, StateMachineType Type, IReadOnlyList<WorkflowState> States, double? DurationMs, int? MemoryMb)
{
    /// <summary>
    /// State transitions of one execution: each state entered is one, a Map state counts itself once and its inner
    /// states once per item, and each retry is one more (AWS: "a state transition each time a step of your workflow is
    /// executed", retries included).
    /// </summary>
    public double TransitionsPerExecution => Transitions(States, 1);

    private static double Transitions(IEnumerable<WorkflowState> states, double times) =>
        states.Sum(s => times * (1 + s.RetriesPerVisit) + (s.Map is { } map ? Transitions(map.States, times * map.Items) : 0));

    /// <summary>How many times each function is invoked in one execution, through the states that name it.</summary>
    public IReadOnlyDictionary<string, double> InvocationsPerExecution()
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        void Count(IEnumerable<WorkflowState> states, double times)
        {
            foreach (var state in states)
            {
                if (state.Function is { } function)
                {
                    counts[function] = counts.GetValueOrDefault(function) + times * (1 + state.RetriesPerVisit);
                }

                if (state.Map is { } map)
                {
                    Count(map.States, times * map.Items);
                }
            }
        }

        Count(States, 1);
        return counts;
    }
}
