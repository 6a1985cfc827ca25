using System.Text.Json;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>
/// Throttled requests per configuration, from the collection.json a run writes beside its invocations.csv
/// (throttlesByConfiguration: Lambda's Throttles metric per function; invocationsByConfiguration: every invocation of
/// the run, warm-ups included). Throttled requests have no REPORT line, so a CSV alone cannot say how many there
/// were; an input without a collection.json beside it adds none.
/// </summary>
public static class RunThrottles
{
    /// <summary>The counts of every input that has them, summed per configuration, in ordinal order; empty when no input has any.</summary>
    /// <exception cref="InvalidDataException">a collection.json that is not the JSON a run writes.</exception>
    public static IReadOnlyList<ThrottleRate> Load(IEnumerable<string> inputs)
    {
        var throttled = new Dictionary<string, int>(StringComparer.Ordinal);
        var ran = new Dictionary<string, int>(StringComparer.Ordinal);
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
                if (document.RootElement.TryGetProperty("throttlesByConfiguration", out var byConfiguration) && byConfiguration.ValueKind == JsonValueKind.Object)
                {
                    Add(throttled, byConfiguration);
                    Add(ran, document.RootElement.GetProperty("invocationsByConfiguration"));
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
            {
                throw new InvalidDataException($"{path}: not the collection.json a run writes ({e.Message})", e);
            }
        }

        return throttled.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new ThrottleRate(t.Key, ran.GetValueOrDefault(t.Key), t.Value)).ToList();
    }

    private static void Add(Dictionary<string, int> counts, JsonElement byConfiguration)
    {
        foreach (var entry in byConfiguration.EnumerateObject())
        {
            counts[entry.Name] = counts.GetValueOrDefault(entry.Name) + entry.Value.GetInt32();
        }
    }
}
