using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lambench.Runner.Specs;

/// <summary>
/// Reads and validates an experiment spec. Every error is collected with its file, line and field, and reported at
/// once (<see cref="SpecException"/>); a spec with errors is never half-run.
/// </summary>
public sealed partial class ExperimentSpecReader
{
    public static readonly IReadOnlyList<string> Runtimes = ["python", "go"];
    public static readonly IReadOnlyList<string> Architectures = ["arm64", "x86_64"];
    public static readonly IReadOnlyList<string> Workloads = ["writer", "cpu", "sleep", "noop"];
    public static readonly IReadOnlyList<string> Channels = ["sqs", "invoke", "url"];
    public static readonly IReadOnlyList<string> Factors = ["runtime", "architecture", "memory"];
    public static readonly IReadOnlyList<string> CpuOperations = ["sort", "math", "string"];
    public static readonly IReadOnlyList<string> FaultKinds = ["raise", "exit", "hang"];

    private static readonly string[] TopLevel = ["name", "description", "target", "workload", "channel", "configurations", "variables", "batches", "protocol"];
    private static readonly string[] ProtocolFields = ["rounds", "warmup", "cold_starts", "repetitions", "reserved_concurrency", "order", "seed", "drain_timeout_s"];

    private readonly List<SpecError> errors = [];
    private (string Factor, int Count)[] factorCounts = [];
    private string path = string.Empty;

    /// <exception cref="SpecException">every error of the spec.</exception>
    public ExperimentSpec Read(string specPath)
    {
        errors.Clear();
        factorCounts = [];
        path = specPath;
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(specPath))
            {
                stream.Load(reader);
            }

            root = stream.Documents.FirstOrDefault()?.RootNode as YamlMappingNode ?? throw new SpecException([new SpecError(specPath, 1, "(file)", "a spec is a YAML mapping of name, workload, channel, configurations, batches and protocol")]);
        }
        catch (YamlException e)
        {
            throw new SpecException([new SpecError(specPath, e.Start.Line, "(file)", "not valid YAML: " + e.Message)]);
        }
        catch (IOException e)
        {
            throw new SpecException([new SpecError(specPath, 0, "(file)", e.Message)]);
        }

        Unknown(root, string.Empty, TopLevel);
        var name = Text(root, "name", required: true);
        if (name is not null && !Identifier().IsMatch(name))
        {
            Error(Child(root, "name")!, "name", $"'{name}' must be lower-case letters, digits and hyphens (it names the run directory)");
        }

        var workload = Choice(root, "workload", Workloads, required: true);
        var channel = Choice(root, "channel", Channels, required: true) ?? "invoke";
        if (channel == "sqs" && workload is not (null or "writer"))
        {
            Error(Child(root, "channel")!, "channel", $"sqs feeds only the writer (the template's queues trigger writers); use invoke or url for {workload}");
        }

        var configurations = Configurations(root);
        var variables = Variables(root);
        var batches = Batches(root, workload);
        var protocol = Protocol(root);
        var notes = new List<string>();
        if (channel == "sqs" && protocol.ReservedConcurrency == 1)
        {
            notes.Add("An SQS trigger does not respect reserved concurrency 1: its pollers keep invoking, the extra invocations are throttled and the messages redelivered. The template sets the trigger's MaximumConcurrency to 2 (the smallest AWS allows); the runner sends one message at a time, waits for the queue to drain, and counts redeliveries (a throttled delivery comes back as one).");
        }

        if (errors.Count > 0)
        {
            throw new SpecException(errors.OrderBy(e => e.Line).ToList());
        }

        return new ExperimentSpec
        {
            Path = Path.GetFullPath(specPath),
            Name = name!,
            Description = Text(root, "description") ?? string.Empty,
            Target = Choice(root, "target", ["local", "aws"]) ?? "local",
            Workload = workload!,
            Channel = channel,
            Configurations = configurations,
            Variables = variables,
            Batches = batches,
            Protocol = protocol,
            Notes = notes,
        };
    }

    private List<ConfigurationSpec> Configurations(YamlMappingNode root)
    {
        if (Child(root, "configurations") is not YamlMappingNode node)
        {
            Error(Child(root, "configurations") ?? root, "configurations", "required: a mapping of runtimes, architectures and memory_mb (every combination is a configuration)");
            return [];
        }

        Unknown(node, "configurations.", ["runtimes", "architectures", "memory_mb"]);
        var runtimes = List(node, "configurations.runtimes", "runtimes").Where(r => Allowed(r, "configurations.runtimes", Runtimes)).Select(r => r.Value).ToList();
        var architectures = List(node, "configurations.architectures", "architectures").Where(a => Allowed(a, "configurations.architectures", Architectures)).Select(a => a.Value).ToList();
        var memory = new List<int>();
        foreach (var (value, at) in List(node, "configurations.memory_mb", "memory_mb").Select(m => (m.Value, m.Node)))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb is >= 128 and <= 10240)
            {
                memory.Add(mb);
            }
            else
            {
                Error(at, "configurations.memory_mb", $"'{value}' is not a memory size in MB from 128 to 10240");
            }
        }

        // Fairness is judged on what the spec lists, even where a value is invalid and the matrix came out empty.
        factorCounts = [("runtime", Distinct(node, "runtimes")), ("architecture", Distinct(node, "architectures")), ("memory", Distinct(node, "memory_mb"))];
        return runtimes.SelectMany(r => architectures.SelectMany(a => memory.Select(m => new ConfigurationSpec(r, a, m)))).ToList();
    }

    private int Distinct(YamlMappingNode node, string key) => Child(node, key) switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(c => (c as YamlScalarNode)?.Value).Distinct().Count(),
        YamlScalarNode => 1,
        _ => 0,
    };

    private HashSet<string> Variables(YamlMappingNode root)
    {
        var declared = Child(root, "variables");
        var variables = new HashSet<string>(StringComparer.Ordinal);
        if (declared is not null)
        {
            foreach (var (value, node) in List(root, "variables", "variables", required: false))
            {
                if (Allowed((value, node), "variables", Factors))
                {
                    variables.Add(value);
                }
            }
        }

        // Fairness: configurations may differ only in the factors the spec names as its variables.
        foreach (var (factor, count) in factorCounts.Where(d => d.Count > 1 && !variables.Contains(d.Factor)))
        {
            Error(declared ?? Child(root, "configurations") ?? root, "variables", $"the configurations differ in {factor} ({count} values), which the spec does not name as a variable; add it to variables, or keep one {factor}");
        }

        return variables;
    }

    private List<BatchSpec> Batches(YamlMappingNode root, string? workload)
    {
        if (Child(root, "batches") is not YamlSequenceNode list || list.Children.Count == 0)
        {
            Error(Child(root, "batches") ?? root, "batches", "required: a list of batches, each with a label and the workload's parameters");
            return [];
        }

        var batches = new List<BatchSpec>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var field = $"batches[{i}]";
            if (list.Children[i] is not YamlMappingNode batch)
            {
                Error(list.Children[i], field, "a batch is a mapping such as { label: 1KBx100, size_bytes: 1024, count: 100 }");
                continue;
            }

            var label = Text(batch, "label", required: true, prefix: field + ".");
            if (label is not null && !labels.Add(label))
            {
                Error(Child(batch, "label")!, field + ".label", $"'{label}' labels two batches; labels name rows in invocations.csv and must differ");
            }

            var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
            (string Name, long Min, long Max)[] expected = workload switch
            {
                "writer" => [("size_bytes", 1, 400 * 1024), ("count", 1, 100_000)],
                "cpu" => [("data_size", 1, 10_000_000), ("iterations", 1, 1_000_000)],
                "sleep" => [("sleep_ms", 0, 900_000)],
                _ => [],
            };
            string[] optional = workload switch { "cpu" => ["operation"], "noop" or "writer" => ["fail"], _ => [] };
            Unknown(batch, field + ".", ["label", .. expected.Select(e => e.Name), .. optional]);
            // Fault injection, so failure rows and SQS redeliveries can be tested: the no-op function raises, exits or
            // hangs when asked; the writer raises.
            if (workload is "noop" or "writer" && Choice(batch, "fail", workload == "noop" ? FaultKinds : ["raise"], required: false, prefix: field + ".") is { } fault)
            {
                parameters["fail"] = fault;
            }

            foreach (var (parameter, min, max) in expected)
            {
                if (Integer(batch, parameter, field + "." + parameter, min, max, required: true) is { } value)
                {
                    parameters[parameter] = value;
                }
            }

            if (workload == "cpu" && Choice(batch, "operation", CpuOperations, required: true, prefix: field + ".") is { } operation)
            {
                parameters["operation"] = operation;
            }

            if (label is not null)
            {
                batches.Add(new BatchSpec(label, parameters));
            }
        }

        return batches;
    }

    private ProtocolSpec Protocol(YamlMappingNode root)
    {
        var node = Child(root, "protocol") as YamlMappingNode;
        if (node is null)
        {
            Error(Child(root, "protocol") ?? root, "protocol", "required: rounds, warmup, cold_starts, repetitions (at least 5), reserved_concurrency, order");
            return new ProtocolSpec();
        }

        Unknown(node, "protocol.", ProtocolFields);
        var defaults = new ProtocolSpec();
        var reserved = Child(node, "reserved_concurrency") is YamlScalarNode { Value: "none" } ? null : Integer(node, "reserved_concurrency", "protocol.reserved_concurrency", 1, 1000) ?? defaults.ReservedConcurrency;
        return new ProtocolSpec
        {
            Rounds = Integer(node, "rounds", "protocol.rounds", 1, 1000) ?? defaults.Rounds,
            Warmup = Integer(node, "warmup", "protocol.warmup", 0, 100) ?? defaults.Warmup,
            ColdStarts = Integer(node, "cold_starts", "protocol.cold_starts", 0, 1000) ?? defaults.ColdStarts,
            Repetitions = Integer(node, "repetitions", "protocol.repetitions", 5, 100_000, reason: "at least 5 repetitions (the thesis protocol), so that means and percentiles carry a confidence interval") ?? defaults.Repetitions,
            ReservedConcurrency = reserved,
            Order = Choice(node, "order", ["fixed", "random"], prefix: "protocol.") ?? defaults.Order,
            Seed = Integer(node, "seed", "protocol.seed", 0, int.MaxValue),
            DrainTimeoutSeconds = Integer(node, "drain_timeout_s", "protocol.drain_timeout_s", 1, 86_400) ?? defaults.DrainTimeoutSeconds,
        };
    }

    private int? Integer(YamlMappingNode node, string key, string field, long min, long max, bool required = false, string? reason = null)
    {
        switch (Child(node, key))
        {
            case null:
                if (required)
                {
                    Error(node, field, "required");
                }

                return null;
            case YamlScalarNode { Value: { } text } scalar when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value):
                if (value < min || value > max)
                {
                    Error(scalar, field, reason is not null && value < min ? $"{value}: {reason}" : $"{value} is outside {min} to {max}");
                    return null;
                }

                return (int)value;
            case var other:
                Error(other, field, $"'{(other as YamlScalarNode)?.Value}' is not a whole number");
                return null;
        }
    }

    private string? Choice(YamlMappingNode node, string key, IReadOnlyList<string> allowed, bool required = false, string prefix = "")
    {
        var value = Text(node, key, required, prefix);
        if (value is not null && !allowed.Contains(value))
        {
            Error(Child(node, key)!, prefix + key, $"'{value}' is not one of {string.Join(", ", allowed)}");
            return null;
        }

        return value;
    }

    private string? Text(YamlMappingNode node, string key, bool required = false, string prefix = "")
    {
        switch (Child(node, key))
        {
            case null:
                if (required)
                {
                    Error(node, prefix + key, "required");
                }

                return null;
            case YamlScalarNode { Value: { Length: > 0 } value }:
                return value;
            case var other:
                Error(other, prefix + key, "must be a single value");
                return null;
        }
    }

    private List<(string Value, YamlNode Node)> List(YamlMappingNode node, string field, string key, bool required = true)
    {
        switch (Child(node, key))
        {
            case YamlSequenceNode { Children.Count: > 0 } sequence:
                return sequence.Children.Select(c => ((c as YamlScalarNode)?.Value ?? string.Empty, c)).ToList();
            case YamlScalarNode { Value: { Length: > 0 } single } scalar:
                return [(single, scalar)];
            case var other:
                if (required || other is not null)
                {
                    Error(other ?? node, field, "required: one value or a list");
                }

                return [];
        }
    }

    private bool Allowed((string Value, YamlNode Node) item, string field, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(item.Value))
        {
            return true;
        }

        Error(item.Node, field, $"'{item.Value}' is not one of {string.Join(", ", allowed)}");
        return false;
    }

    private void Unknown(YamlMappingNode node, string prefix, IReadOnlyList<string> known)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value!)))
        {
            Error(key, prefix + key.Value, $"unknown field (known here: {string.Join(", ", known)})");
        }
    }

    private static YamlNode? Child(YamlMappingNode node, string key) => node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private void Error(YamlNode node, string field, string message) => errors.Add(new SpecError(path, node.Start.Line, field, message));

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex Identifier();
}
