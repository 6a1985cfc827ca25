using Lambench.Core.Specs;
using Lambench.Core.Vocabulary;
using YamlDotNet.RepresentationModel;

namespace Lambench.Core.Workflows;

/// <summary>
/// Reads an architecture's description (architectures/*.yaml). Every error is collected with its file, line and field
/// and reported at once (<see cref="SpecException"/>). Names must be unique; every state's function must be described.
/// </summary>
public sealed class WorkflowSpecReader
{
    private static readonly string[] TopLevel = ["name", "description", "region", "executions_per_day", "days_per_month", "state_machines", "functions", "queues", "buckets", "tables", "logs", "events"];

    /// <exception cref="SpecException">every error of the description.</exception>
    public WorkflowSpec Read(string path)
    {
        var root = SpecDocument.Load(path);
        var nodes = new SpecNodes(path);
        nodes.Unknown(root, string.Empty, TopLevel);
        var name = nodes.Text(root, "name", required: true);
        var perDay = nodes.Number(root, "executions_per_day", "executions_per_day", 0, 1e9, required: true);
        var days = nodes.Number(root, "days_per_month", "days_per_month", 1, 31) ?? 30;
        var machines = Entries(nodes, root, "state_machines").Select(e => new WorkflowStateMachineReader(nodes).Read(e.Node, e.Field)).OfType<WorkflowStateMachine>().ToList();
        var functions = Entries(nodes, root, "functions").Select(e => new WorkflowFunctionReader(nodes, path).Read(e.Node, e.Field)).OfType<WorkflowFunction>().ToList();
        var queues = Entries(nodes, root, "queues").Select(e => Queue(nodes, e.Node, e.Field)).OfType<WorkflowQueue>().ToList();
        var buckets = Entries(nodes, root, "buckets").Select(e => Bucket(nodes, e.Node, e.Field)).OfType<WorkflowBucket>().ToList();
        var tables = Entries(nodes, root, "tables").Select(e => Table(nodes, e.Node, e.Field)).OfType<WorkflowTable>().ToList();
        var (logBytes, scheduled, custom) = LogsAndEvents(nodes, root);
        CheckReferences(nodes, root, machines, functions);
        if (nodes.Errors.Count > 0)
        {
            throw new SpecException(nodes.Errors.OrderBy(e => e.Line).ToList());
        }

        return new WorkflowSpec
        {
            Path = System.IO.Path.GetFullPath(path),
            Name = name!,
            Description = nodes.Text(root, "description") ?? string.Empty,
            Region = nodes.Text(root, "region") ?? Cost.PriceCatalogLoader.DefaultRegion,
            ExecutionsPerDay = perDay!.Value,
            DaysPerMonth = days,
            StateMachines = machines,
            Functions = functions,
            Queues = queues,
            Buckets = buckets,
            Tables = tables,
            LogBytesPerExecution = logBytes,
            ScheduledEventsPerExecution = scheduled,
            CustomEventsPerExecution = custom,
        };
    }

    /// <summary>The mappings of a list field, each with its field path (functions[2]); an entry that is no mapping is an error.</summary>
    internal static List<(YamlMappingNode Node, string Field)> Entries(SpecNodes nodes, YamlMappingNode parent, string key, string prefix = "")
    {
        switch (SpecNodes.Child(parent, key))
        {
            case null:
                return [];
            case YamlSequenceNode sequence:
                var entries = new List<(YamlMappingNode, string)>();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlMappingNode mapping)
                    {
                        entries.Add((mapping, $"{prefix}{key}[{i}]"));
                    }
                    else
                    {
                        nodes.Error(sequence.Children[i], $"{prefix}{key}[{i}]", "must be a mapping of fields (name: …)");
                    }
                }

                return entries;
            case var other:
                nodes.Error(other, prefix + key, "must be a list");
                return [];
        }
    }

    private static WorkflowQueue? Queue(SpecNodes nodes, YamlMappingNode node, string field)
    {
        nodes.Unknown(node, field + ".", ["name", "messages_per_execution", "message_bytes", "requests_per_message"]);
        var name = nodes.Text(node, "name", required: true, prefix: field + ".");
        var messages = nodes.Number(node, "messages_per_execution", field + ".messages_per_execution", 0, 1e9, required: true);
        var bytes = nodes.Integer(node, "message_bytes", field + ".message_bytes", 1, 1_048_576) ?? 1024;
        var requests = nodes.Number(node, "requests_per_message", field + ".requests_per_message", 0, 1000) ?? 3;
        return name is null || messages is null ? null : new WorkflowQueue(name, messages.Value, bytes, requests);
    }

    private static WorkflowBucket? Bucket(SpecNodes nodes, YamlMappingNode node, string field)
    {
        nodes.Unknown(node, field + ".", ["name", "stored_gb", "writes_per_execution", "reads_per_execution"]);
        var name = nodes.Text(node, "name", required: true, prefix: field + ".");
        var stored = nodes.Number(node, "stored_gb", field + ".stored_gb", 0, 1e9) ?? 0;
        var writes = nodes.Number(node, "writes_per_execution", field + ".writes_per_execution", 0, 1e9) ?? 0;
        var reads = nodes.Number(node, "reads_per_execution", field + ".reads_per_execution", 0, 1e9) ?? 0;
        return name is null ? null : new WorkflowBucket(name, stored, writes, reads);
    }

    private static WorkflowTable? Table(SpecNodes nodes, YamlMappingNode node, string field)
    {
        nodes.Unknown(node, field + ".", ["name", "writes_per_execution", "reads_per_execution", "item_bytes"]);
        var name = nodes.Text(node, "name", required: true, prefix: field + ".");
        var writes = nodes.Number(node, "writes_per_execution", field + ".writes_per_execution", 0, 1e9) ?? 0;
        var reads = nodes.Number(node, "reads_per_execution", field + ".reads_per_execution", 0, 1e9) ?? 0;
        var bytes = nodes.Integer(node, "item_bytes", field + ".item_bytes", 1, 409_600, required: true);
        return name is null || bytes is null ? null : new WorkflowTable(name, writes, reads, bytes.Value);
    }

    private static (double LogBytes, double Scheduled, double Custom) LogsAndEvents(SpecNodes nodes, YamlMappingNode root)
    {
        double logBytes = 0, scheduled = 0, custom = 0;
        foreach (var key in new[] { "logs", "events" })
        {
            if (SpecNodes.Child(root, key) is { } given and not YamlMappingNode)
            {
                nodes.Error(given, key, key == "logs" ? "must be a mapping: bytes_per_execution" : "must be a mapping: scheduled_per_execution, custom_per_execution");
            }
        }

        if (SpecNodes.Child(root, "logs") is YamlMappingNode logs)
        {
            nodes.Unknown(logs, "logs.", ["bytes_per_execution"]);
            logBytes = nodes.Number(logs, "bytes_per_execution", "logs.bytes_per_execution", 0, 1e15) ?? 0;
        }

        if (SpecNodes.Child(root, "events") is YamlMappingNode events)
        {
            nodes.Unknown(events, "events.", ["scheduled_per_execution", "custom_per_execution"]);
            scheduled = nodes.Number(events, "scheduled_per_execution", "events.scheduled_per_execution", 0, 1e9) ?? 0;
            custom = nodes.Number(events, "custom_per_execution", "events.custom_per_execution", 0, 1e9) ?? 0;
        }

        return (logBytes, scheduled, custom);
    }

    /// <summary>Every function a state names is described, and no two functions or state machines share a name.</summary>
    private static void CheckReferences(SpecNodes nodes, YamlMappingNode root, List<WorkflowStateMachine> machines, List<WorkflowFunction> functions)
    {
        var described = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var repeated in functions.GroupBy(f => f.Name).Where(g => g.Count() > 1))
        {
            nodes.Error(SpecNodes.Child(root, "functions")!, "functions", $"'{repeated.Key}' is described twice");
        }

        foreach (var missing in machines.SelectMany(m => m.InvocationsPerExecution().Keys.Select(f => (Machine: m.Name, Function: f))).Where(r => !described.Contains(r.Function)))
        {
            nodes.Error(SpecNodes.Child(root, "state_machines")!, "state_machines", $"{missing.Machine} invokes '{missing.Function}', which is not under functions");
        }
    }
}
