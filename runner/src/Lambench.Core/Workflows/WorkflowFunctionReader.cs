using System.Globalization;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Core.Specs;
using YamlDotNet.RepresentationModel;

namespace Lambench.Core.Workflows;

/// <summary>
/// Reads one function of an architecture's description. Its duration is assumed (duration_ms) or measured: the mean
/// Billed Duration of a configuration's successful invocations in an invocations.csv (a path relative to the description).
/// </summary>
internal sealed class WorkflowFunctionReader(SpecNodes nodes, string specPath)
{
    public WorkflowFunction? Read(YamlMappingNode node, string field)
    {
        nodes.Unknown(node, field + ".", ["name", "memory_mb", "architecture", "duration_ms", "measured", "extra_invocations_per_execution"]);
        var name = nodes.Text(node, "name", required: true, prefix: field + ".");
        var memory = nodes.Integer(node, "memory_mb", field + ".memory_mb", 128, 10_240, required: true);
        var architecture = nodes.Choice(node, "architecture", [Architectures.Arm64, Architectures.X86_64], prefix: field + ".") ?? Architectures.X86_64;
        var extra = nodes.Number(node, "extra_invocations_per_execution", field + ".extra_invocations_per_execution", 0, 1e9) ?? 0;
        var (duration, source) = Duration(node, field, memory, architecture);
        return name is null || memory is null || duration is null ? null : new WorkflowFunction(name, memory.Value, architecture, duration.Value, source, extra);
    }

    private (double? DurationMs, string Source) Duration(YamlMappingNode node, string field, int? memory, string architecture)
    {
        var assumed = nodes.Number(node, "duration_ms", field + ".duration_ms", 1, 900_000);
        if (SpecNodes.Child(node, "measured") is { } notMapping and not YamlMappingNode)
        {
            nodes.Error(notMapping, field + ".measured", "must be a mapping: { invocations: <invocations.csv>, configuration: <name> }");
            return (null, string.Empty);
        }

        if (SpecNodes.Child(node, "measured") is not YamlMappingNode measured)
        {
            if (assumed is null)
            {
                nodes.Error(node, field, "needs duration_ms (assumed) or measured: { invocations: <invocations.csv>, configuration: <name> }");
            }

            return (assumed, "assumed");
        }

        if (assumed is not null)
        {
            nodes.Error(measured, field + ".measured", "give duration_ms or measured, not both");
            return (null, string.Empty);
        }

        nodes.Unknown(measured, field + ".measured.", ["invocations", "configuration"]);
        var file = nodes.Text(measured, "invocations", required: true, prefix: field + ".measured.");
        var configuration = nodes.Text(measured, "configuration", required: true, prefix: field + ".measured.");
        if (file is null || configuration is null)
        {
            return (null, string.Empty);
        }

        var csv = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, file));
        IReadOnlyList<InvocationRecord> records;
        try
        {
            records = InvocationCsvReader.ReadFile(csv);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            nodes.Error(SpecNodes.Child(measured, "invocations")!, field + ".measured.invocations", $"{csv}: {e.Message}");
            return (null, string.Empty);
        }

        var rows = records.Where(r => r.Configuration == configuration && r.Status == InvocationStatus.Success && r.BilledDurationMs is not null).ToList();
        // A duration measured at another memory size or architecture is another function's: its GB-seconds would be wrong.
        var other = rows.FirstOrDefault(r => r.MemorySizeMb != memory || r.Architecture is null || Architectures.Normalise(r.Architecture) != architecture);
        if (other is not null && memory is not null)
        {
            nodes.Error(SpecNodes.Child(measured, "configuration")!, field + ".measured.configuration", string.Create(CultureInfo.InvariantCulture, $"{configuration} ran at {other.MemorySizeMb?.ToString(CultureInfo.InvariantCulture) ?? "an unknown"} MB on {other.Architecture ?? "an unknown architecture"}; the function is {memory} MB on {architecture}"));
            return (null, string.Empty);
        }

        var billed = rows.Select(r => r.BilledDurationMs!.Value).ToList();
        if (billed.Count == 0)
        {
            var known = string.Join(", ", records.Select(r => r.Configuration).Distinct().Order(StringComparer.Ordinal).Take(10));
            nodes.Error(SpecNodes.Child(measured, "configuration")!, field + ".measured.configuration", $"no successful invocation of '{SpecNodes.Shown(configuration)}' with a Billed Duration in {file} (configurations there: {known})");
            return (null, string.Empty);
        }

        var mean = billed.Average();
        if (mean is < 1 or > 900_000)
        {
            nodes.Error(SpecNodes.Child(measured, "invocations")!, field + ".measured.invocations", string.Create(CultureInfo.InvariantCulture, $"the mean Billed Duration of {configuration} is {mean} ms, outside 1 to 900000"));
            return (null, string.Empty);
        }

        return (mean, string.Create(CultureInfo.InvariantCulture, $"measured: mean Billed Duration of {billed.Count} successful invocations of {configuration} in {file}"));
    }
}
