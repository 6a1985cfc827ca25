using Lambench.Core.Specs;
using Lambench.Core.Vocabulary;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Lambench.Runner.Specs;

/// <summary>
/// Reads and validates an experiment spec. Every error is collected with its file, line and field, and reported at
/// once (<see cref="SpecException"/>); a spec with errors is never half-run, and no file is written for it.
/// </summary>
public sealed partial class ExperimentSpecReader
{
    public static readonly IReadOnlyList<string> Runtimes = ["python", "go"];
    public static readonly IReadOnlyList<string> Architectures = ["arm64", "x86_64"];
    public static readonly IReadOnlyList<string> Factors = ["runtime", "architecture", "memory"];
    public static readonly IReadOnlyList<string> CpuOperations = ["sort", "math", "string"];
    public static readonly IReadOnlyList<string> FaultKinds = ["raise", "exit", "hang"];

    private static readonly string[] TopLevel = ["name", "description", "target", "workload", "channel", "configurations", "variables", "batches", "protocol", "load"];
    private static readonly string[] ProtocolFields = ["rounds", "warmup", "cold_starts", "repetitions", "reserved_concurrency", "order", "seed", "drain_timeout_s"];

    /// <exception cref="SpecException">every error of the spec.</exception>
    public ExperimentSpec Read(string specPath)
    {
        var root = SpecDocument.Load(specPath);
        var nodes = new SpecNodes(specPath);
        nodes.Unknown(root, string.Empty, TopLevel);
        var name = nodes.Text(root, "name", required: true);
        if (name is not null && !Identifier().IsMatch(name))
        {
            nodes.Error(SpecNodes.Child(root, "name")!, "name", $"'{SpecNodes.Shown(name)}' must be lower-case letters, digits and hyphens, at most 64 (it names the run directory)");
        }

        var target = nodes.Choice<Platform>(root, "target") ?? Platform.Local;
        var workload = nodes.Choice<Workload>(root, "workload", required: true);
        var channel = nodes.Choice<Channel>(root, "channel", required: true);
        if (channel == Channel.Sqs && workload is { } fed && fed is not (Workload.Writer or Workload.Sleep))
        {
            nodes.Error(SpecNodes.Child(root, "channel")!, "channel", $"sqs feeds only the writer and the sleep function (the template's queues trigger those); use invoke, event, url or api for {fed.Name()}");
        }

        var (configurations, factorCounts) = Configurations(nodes, root);
        var variables = Variables(nodes, root, factorCounts);
        var batches = new BatchSpecReader(nodes).Read(root, workload);
        var load = new LoadSpecReader(nodes).Read(root);
        var protocol = Protocol(nodes, root, SpecNodes.Child(root, "load") is not null);
        var description = nodes.Text(root, "description") ?? string.Empty;
        if (nodes.Errors.Count > 0)
        {
            throw new SpecException(nodes.Errors.OrderBy(e => e.Line).ToList());
        }

        return new ExperimentSpec
        {
            Path = Path.GetFullPath(specPath),
            Name = name!,
            Description = description,
            Target = target,
            Workload = workload!.Value,
            Channel = channel!.Value,
            Configurations = configurations,
            Variables = variables,
            Batches = batches,
            Protocol = protocol,
            Load = load,
            Notes = channel == Channel.Sqs && protocol.ReservedConcurrency == 1 ? [SqsTrap] : [],
        };
    }

    private const string SqsTrap = "An SQS trigger does not respect reserved concurrency 1: its pollers keep invoking, the extra invocations are throttled and the messages redelivered. The template sets the trigger's MaximumConcurrency to 2 (the smallest AWS allows); the runner sends one message at a time, waits for the queue to drain, and counts redeliveries (a throttled delivery comes back as one).";

    private static (List<ConfigurationSpec>, (string Factor, int Count)[]) Configurations(SpecNodes nodes, YamlMappingNode root)
    {
        if (SpecNodes.Child(root, "configurations") is not YamlMappingNode node)
        {
            nodes.Error(SpecNodes.Child(root, "configurations") ?? root, "configurations", "required: a mapping of runtimes, architectures and memory_mb (every combination is a configuration)");
            return ([], []);
        }

        nodes.Unknown(node, "configurations.", ["runtimes", "architectures", "memory_mb"]);
        var runtimes = nodes.List(node, "configurations.runtimes", "runtimes");
        var architectures = nodes.List(node, "configurations.architectures", "architectures");
        var memories = nodes.List(node, "configurations.memory_mb", "memory_mb");
        var memory = new List<int>();
        foreach (var (value, at) in memories)
        {
            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mb) && mb is >= 128 and <= 10240)
            {
                memory.Add(mb);
            }
            else
            {
                nodes.Error(at, "configurations.memory_mb", $"'{SpecNodes.Shown(value)}' is not a memory size in MB from 128 to 10240");
            }
        }

        // Fairness is judged on what the spec lists, even where a value is invalid and the matrix came out empty.
        (string, int)[] counts = [("runtime", runtimes.Count), ("architecture", architectures.Count), ("memory", memories.Count)];
        var matrix = runtimes.Where(r => nodes.Allowed(r, "configurations.runtimes", Runtimes)).Select(r => r.Value).ToList()
            .SelectMany(r => architectures.Where(a => nodes.Allowed(a, "configurations.architectures", Architectures)).Select(a => a.Value).ToList()
                .SelectMany(a => memory.Select(m => new ConfigurationSpec(r, a, m))))
            .ToList();
        return (matrix, counts);
    }

    private static HashSet<string> Variables(SpecNodes nodes, YamlMappingNode root, (string Factor, int Count)[] factorCounts)
    {
        var declared = SpecNodes.Child(root, "variables");
        var variables = new HashSet<string>(StringComparer.Ordinal);
        if (declared is not null)
        {
            foreach (var item in nodes.List(root, "variables", "variables", required: false).Where(v => nodes.Allowed(v, "variables", Factors)))
            {
                variables.Add(item.Value);
            }
        }

        // Fairness: configurations may differ only in the factors the spec names as its variables.
        foreach (var (factor, count) in factorCounts.Where(d => d.Count > 1 && !variables.Contains(d.Factor)))
        {
            nodes.Error(declared ?? SpecNodes.Child(root, "configurations") ?? root, "variables", $"the configurations differ in {factor} ({count} values), which the spec does not name as a variable; add it to variables, or keep one {factor}");
        }

        return variables;
    }

    private static ProtocolSpec Protocol(SpecNodes nodes, YamlMappingNode root, bool load)
    {
        if (SpecNodes.Child(root, "protocol") is not YamlMappingNode node)
        {
            nodes.Error(SpecNodes.Child(root, "protocol") ?? root, "protocol", load
                ? "required: rounds, warmup, reserved_concurrency (a number or none) and order"
                : "required: rounds, warmup, cold_starts, repetitions (at least 5), reserved_concurrency (a number or none) and order");
            return new ProtocolSpec();
        }

        // A load spec measures with its load: one load per batch and round replaces the cold starts and repetitions.
        nodes.Unknown(node, "protocol.", load ? ProtocolFields.Except(["cold_starts", "repetitions"]).ToArray() : ProtocolFields);
        int? reserved = null;
        if (SpecNodes.Child(node, "reserved_concurrency") is not YamlScalarNode { Value: "none" })
        {
            reserved = nodes.Integer(node, "reserved_concurrency", "protocol.reserved_concurrency", 1, 1000, required: true);
        }

        var defaults = new ProtocolSpec();
        return new ProtocolSpec
        {
            Rounds = nodes.Integer(node, "rounds", "protocol.rounds", 1, 1000, required: true) ?? defaults.Rounds,
            Warmup = nodes.Integer(node, "warmup", "protocol.warmup", 0, 100, required: true) ?? defaults.Warmup,
            ColdStarts = load ? 0 : nodes.Integer(node, "cold_starts", "protocol.cold_starts", 0, 1000, required: true) ?? defaults.ColdStarts,
            Repetitions = load ? 0 : nodes.Integer(node, "repetitions", "protocol.repetitions", 5, 100_000, required: true, reason: "at least 5 repetitions (the thesis protocol), so that means and percentiles carry a confidence interval") ?? defaults.Repetitions,
            ReservedConcurrency = reserved,
            Order = nodes.Choice<BatchOrder>(node, "order", required: true, prefix: "protocol.") ?? defaults.Order,
            Seed = nodes.Integer(node, "seed", "protocol.seed", 0, int.MaxValue),
            DrainTimeoutSeconds = nodes.Integer(node, "drain_timeout_s", "protocol.drain_timeout_s", 1, 86_400) ?? defaults.DrainTimeoutSeconds,
        };
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Identifier();
}
