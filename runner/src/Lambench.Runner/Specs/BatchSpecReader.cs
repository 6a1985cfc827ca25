using Lambench.Core.Specs;
using YamlDotNet.RepresentationModel;

namespace Lambench.Runner.Specs;

/// <summary>A spec's batches: each a label and its workload's parameters, every one checked against the workload.</summary>
internal sealed class BatchSpecReader(SpecNodes nodes)
{
    public List<BatchSpec> Read(YamlMappingNode root, Workload? workload)
    {
        if (SpecNodes.Child(root, "batches") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            nodes.Error(SpecNodes.Child(root, "batches") ?? root, "batches", "required: a list of batches, each with a label and the workload's parameters");
            return [];
        }

        var batches = new List<BatchSpec>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"batches[{i}]";
            if (list.Children[i] is not YamlMappingNode batch)
            {
                nodes.Error(list.Children[i], field, "a batch is a mapping such as { label: 1KBx100, size_bytes: 1024, count: 100 }");
                continue;
            }

            var label = Label(batch, field);
            if (label is not null && !labels.Add(label))
            {
                nodes.Error(SpecNodes.Child(batch, "label")!, field + ".label", $"'{label}' labels two batches; labels name rows in invocations.csv and must differ");
            }

            var parameters = Parameters(batch, field, workload);
            if (label is not null)
            {
                batches.Add(new BatchSpec(label, parameters));
            }
        }

        return batches;
    }

    /// <summary>
    /// A label names rows in invocations.csv and the report's tables: printable, at most 64 characters, and not
    /// starting with what a spreadsheet would run as a formula (=, +, -, @).
    /// </summary>
    private string? Label(YamlMappingNode batch, string field)
    {
        var label = nodes.Text(batch, "label", required: true, prefix: field + ".");
        if (label is not null && (label.Length > 64 || label[0] is '=' or '+' or '-' or '@' || label.Any(char.IsControl) || label != label.Trim()))
        {
            nodes.Error(SpecNodes.Child(batch, "label")!, field + ".label", $"'{SpecNodes.Shown(label)}' is not a label: at most 64 printable characters, without blanks around them, not starting with =, +, - or @ (a spreadsheet would run it as a formula)");
            return null;
        }

        return label;
    }

    private Dictionary<string, object> Parameters(YamlMappingNode batch, string field, Workload? workload)
    {
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        (string Name, long Min, long Max)[] expected = workload switch
        {
            Workload.Writer => [("size_bytes", 1, 400 * 1024), ("count", 1, 100_000)],
            Workload.Reader => [("size_bytes", 1, 400 * 1024), ("count", 1, Execution.ReaderSeed.MaxCount)],
            Workload.Cpu => [("data_size", 1, 10_000_000), ("iterations", 1, 1_000_000)],
            Workload.Sleep => [("sleep_ms", 0, 900_000)],
            _ => [],
        };
        string[] optional = workload switch { Workload.Cpu => ["operation"], Workload.Noop or Workload.Writer => ["fail"], Workload.Reader => ["parallel", "pool", "client"], _ => [] };
        nodes.Unknown(batch, field + ".", ["label", .. expected.Select(e => e.Name), .. optional]);
        // Fault injection, so failure rows and SQS redeliveries can be tested: the no-op function raises, exits or
        // hangs when asked; the writer raises.
        if (workload is Workload.Noop or Workload.Writer && nodes.Choice(batch, "fail", workload == Workload.Noop ? ExperimentSpecReader.FaultKinds : ["raise"], required: false, prefix: field + ".") is { } fault)
        {
            parameters["fail"] = fault;
        }

        foreach (var (parameter, min, max) in expected)
        {
            if (nodes.Integer(batch, parameter, field + "." + parameter, min, max, required: true) is { } value)
            {
                parameters[parameter] = value;
            }
        }

        if (workload == Workload.Reader)
        {
            ReaderSettings(batch, field, parameters);
        }

        if (workload == Workload.Cpu && nodes.Choice(batch, "operation", ExperimentSpecReader.CpuOperations, required: true, prefix: field + ".") is { } operation)
        {
            parameters["operation"] = operation;
        }

        return parameters;
    }

    /// <summary>The reader's client settings: GetItems at once (1), the connection pool (10, both SDKs' default) and whether the client outlives the invocation (reuse).</summary>
    private void ReaderSettings(YamlMappingNode batch, string field, Dictionary<string, object> parameters)
    {
        if (nodes.Integer(batch, "parallel", field + ".parallel", 1, 64) is { } parallel)
        {
            parameters["parallel"] = parallel;
        }

        if (nodes.Integer(batch, "pool", field + ".pool", 1, 1000) is { } pool)
        {
            parameters["pool"] = pool;
        }

        if (nodes.Choice(batch, "client", ["reuse", "fresh"], required: false, prefix: field + ".") is { } client)
        {
            parameters["client"] = client;
        }
    }
}
