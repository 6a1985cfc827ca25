using Lambench.Core.Specs;
using YamlDotNet.RepresentationModel;

namespace Lambench.Core.Workflows;

/// <summary>Reads one state machine of an architecture's description: its type, its states (Map states nested), and for express its duration and memory.</summary>
internal sealed class WorkflowStateMachineReader(SpecNodes nodes)
{
    /// <summary>Nested Map states deeper than this are refused: no description needs them, and the count would not be checked by hand.</summary>
    private const int MaxMapDepth = 4;

    public WorkflowStateMachine? Read(YamlMappingNode node, string field)
    {
        nodes.Unknown(node, field + ".", ["name", "type", "states", "duration_ms", "memory_mb"]);
        var name = nodes.Text(node, "name", required: true, prefix: field + ".");
        var type = nodes.Choice<StateMachineType>(node, "type", prefix: field + ".") ?? StateMachineType.Standard;
        var states = States(node, field + ".", 0);
        if (states.Count == 0)
        {
            nodes.Error(SpecNodes.Child(node, "states") ?? node, field + ".states", "required: at least one state, the states of one execution in order");
        }

        double? duration = null;
        int? memory = null;
        if (type == StateMachineType.Express)
        {
            // Express workflows run at most five minutes.
            duration = nodes.Number(node, "duration_ms", field + ".duration_ms", 1, 300_000, required: true);
            memory = nodes.Integer(node, "memory_mb", field + ".memory_mb", 1, 10_240) ?? 64;
        }
        else
        {
            foreach (var key in new[] { "duration_ms", "memory_mb" })
            {
                if (SpecNodes.Child(node, key) is { } given)
                {
                    nodes.Error(given, field + "." + key, "only express workflows are priced by duration and memory; a standard one by its transitions");
                }
            }
        }

        return name is null ? null : new WorkflowStateMachine(name, type, states, duration, memory);
    }

    private List<WorkflowState> States(YamlMappingNode parent, string prefix, int depth)
    {
        var states = new List<WorkflowState>();
        foreach (var (node, field) in WorkflowSpecReader.Entries(nodes, parent, "states", prefix))
        {
            nodes.Unknown(node, field + ".", ["name", "function", "map", "retries"]);
            var name = nodes.Text(node, "name", required: true, prefix: field + ".");
            var function = nodes.Text(node, "function", prefix: field + ".");
            var retries = nodes.Number(node, "retries", field + ".retries", 0, 100) ?? 0;
            WorkflowMap? map = null;
            if (SpecNodes.Child(node, "map") is YamlMappingNode mapNode)
            {
                map = Map(mapNode, field + ".map", depth);
                if (function is not null)
                {
                    nodes.Error(mapNode, field, "a state invokes a function or maps over items, not both: put the function in the map's states");
                }
            }
            else if (SpecNodes.Child(node, "map") is { } other)
            {
                nodes.Error(other, field + ".map", "must be a mapping: items and states");
            }

            if (name is not null)
            {
                states.Add(new WorkflowState(name, function, map, retries));
            }
        }

        return states;
    }

    private WorkflowMap? Map(YamlMappingNode node, string field, int depth)
    {
        if (depth >= MaxMapDepth)
        {
            nodes.Error(node, field, $"Map states nest at most {MaxMapDepth} deep here");
            return null;
        }

        nodes.Unknown(node, field + ".", ["items", "states"]);
        var items = nodes.Number(node, "items", field + ".items", 0, 1e7, required: true);
        var states = States(node, field + ".", depth + 1);
        if (states.Count == 0)
        {
            nodes.Error(SpecNodes.Child(node, "states") ?? node, field + ".states", "required: at least one state, run once per item");
        }

        return items is null ? null : new WorkflowMap(items.Value, states);
    }
}
