using System.Text.Json;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>
/// Reads the collection.json a run writes beside its invocations.csv: throttlesByConfiguration (Lambda's Throttles
/// metric per function) with invocationsByConfiguration (every invocation of the run, warm-ups included), and setup
/// (how the run measured). Throttled requests have no REPORT line and a CSV does not say how it was measured, so a CSV
/// alone adds neither; an input without a collection.json beside it adds nothing.
/// </summary>
public static class RunCollections
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Throttles of every input that has them, summed per configuration in ordinal order, and the distinct setups.</summary>
    /// <exception cref="InvalidDataException">a collection.json that is not the JSON a run writes.</exception>
    public static RunCollectionFacts Load(IEnumerable<string> inputs)
    {
        var throttled = new Dictionary<string, int>(StringComparer.Ordinal);
        var ran = new Dictionary<string, int>(StringComparer.Ordinal);
        var setups = new List<RunSetup>();
        foreach (var input in inputs.Where(File.Exists).Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            var path = Path.Combine(Path.GetDirectoryName(input)!, "collection.json");
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                var root = document.RootElement;
                if (root.TryGetProperty("throttlesByConfiguration", out var byConfiguration) && byConfiguration.ValueKind == JsonValueKind.Object)
                {
                    Add(throttled, byConfiguration);
                    Add(ran, root.GetProperty("invocationsByConfiguration"));
                }

                if (root.TryGetProperty("setup", out var setup) && setup.ValueKind == JsonValueKind.Object
                    && setup.Deserialize<RunSetup>(Json) is { } read && !setups.Any(s => Same(s, read)))
                {
                    setups.Add(read);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{path}: not the collection.json a run writes ({e.Message})", e);
            }
        }

        var throttles = throttled.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ThrottleRate(t.Key, ran.GetValueOrDefault(t.Key), t.Value)).ToList();
        return new RunCollectionFacts(throttles, setups);
    }

    private static bool Same(RunSetup a, RunSetup b) => a with { Batches = [] } == b with { Batches = [] } && a.Batches.SequenceEqual(b.Batches);

    private static void Add(Dictionary<string, int> counts, JsonElement byConfiguration)
    {
        foreach (var entry in byConfiguration.EnumerateObject())
        {
            counts[entry.Name] = counts.GetValueOrDefault(entry.Name) + entry.Value.GetInt32();
        }
    }
}
