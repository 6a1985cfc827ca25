using System.Text.Json;

namespace Lambench.Core.Metrics;

/// <summary>
/// Reads CloudWatch's embedded metric format (EMF): a JSON object whose "_aws" member holds a Timestamp (milliseconds
/// since the epoch) and CloudWatchMetrics, directives that name a Namespace, dimension sets and metric definitions
/// (Name, optional Unit and StorageResolution) whose values are members of the root. The rules are those of AWS's
/// specification (CloudWatch_Embedded_Metric_Format_Specification): at most 30 dimensions a set, 100 metrics a directive
/// and 100 values a metric; dimension values are strings, metric values numbers or arrays of numbers. A document that
/// breaks one is rejected whole, with the reason.
/// </summary>
public static class EmbeddedMetricFormat
{
    public const int MaxDimensionsPerSet = 30;
    public const int MaxMetricsPerDirective = 100;
    public const int MaxValuesPerMetric = 100;

    /// <summary>CloudWatch's StandardUnit values (botocore's cloudwatch model lists the same 27).</summary>
    public static readonly IReadOnlySet<string> Units = new HashSet<string>(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
        "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    /// <summary>Whether a log message claims to be EMF (a JSON object with "_aws"), cheaply, before it is parsed.</summary>
    public static bool LooksLikeEmf(ReadOnlySpan<char> message) =>
        message.TrimStart() is [ '{', ..] && message.Contains("\"_aws\"", StringComparison.Ordinal);

    /// <summary>Parses one log message; false with the reason when it is not a valid EMF document.</summary>
    public static bool TryParse(string message, out EmbeddedMetricDocument? document, out string? reason)
    {
        document = null;
        JsonElement root;
        try
        {
            using var parsed = JsonDocument.Parse(message);
            root = parsed.RootElement.Clone();
        }
        catch (JsonException e)
        {
            reason = $"not JSON: {e.Message}";
            return false;
        }

        return TryRead(root, out document, out reason);
    }

    /// <summary>Reads an already parsed root object; false with the reason when it is not a valid EMF document.</summary>
    public static bool TryRead(JsonElement root, out EmbeddedMetricDocument? document, out string? reason)
    {
        document = null;
        try
        {
            document = Read(root);
            reason = null;
            return true;
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
    }

    private static EmbeddedMetricDocument Read(JsonElement root)
    {
        Require(root.ValueKind == JsonValueKind.Object, "the document is not a JSON object");
        Require(root.TryGetProperty("_aws", out var aws) && aws.ValueKind == JsonValueKind.Object, "_aws is missing or not an object");
        long ms = 0;
        Require(aws.TryGetProperty("Timestamp", out var stamp) && stamp.ValueKind == JsonValueKind.Number && stamp.TryGetInt64(out ms), "_aws.Timestamp is missing or not a whole number of milliseconds");
        Require(aws.TryGetProperty("CloudWatchMetrics", out var directives) && directives.ValueKind == JsonValueKind.Array, "_aws.CloudWatchMetrics is missing or not an array");
        DateTimeOffset timestamp;
        try
        {
            timestamp = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new FormatException($"_aws.Timestamp {ms} is not a time");
        }

        var metrics = new List<ExtractedMetric>();
        var index = 0;
        foreach (var directive in directives.EnumerateArray())
        {
            metrics.AddRange(Directive(root, directive, $"_aws.CloudWatchMetrics[{index++}]"));
        }

        return new EmbeddedMetricDocument(timestamp, metrics, root);
    }

    private static List<ExtractedMetric> Directive(JsonElement root, JsonElement directive, string where)
    {
        Require(directive.ValueKind == JsonValueKind.Object, $"{where} is not an object");
        Require(directive.TryGetProperty("Namespace", out var ns) && ns.ValueKind == JsonValueKind.String && ns.GetString() is { Length: > 0 and <= 255 }, $"{where}.Namespace is missing, empty or longer than 255 characters");
        Require(directive.TryGetProperty("Dimensions", out var sets) && sets.ValueKind == JsonValueKind.Array, $"{where}.Dimensions is missing or not an array");
        Require(directive.TryGetProperty("Metrics", out var definitions) && definitions.ValueKind == JsonValueKind.Array, $"{where}.Metrics is missing or not an array");
        Require(definitions.GetArrayLength() <= MaxMetricsPerDirective, $"{where}.Metrics has more than {MaxMetricsPerDirective} metrics");
        var dimensionSets = sets.EnumerateArray().Select((set, i) => DimensionSet(root, set, $"{where}.Dimensions[{i}]")).ToList();
        var metrics = definitions.EnumerateArray().Select((definition, i) => Metric(root, definition, $"{where}.Metrics[{i}]")).ToList();
        // A directive without dimension sets still yields its metrics, without dimensions.
        if (dimensionSets.Count == 0)
        {
            dimensionSets.Add([]);
        }

        return dimensionSets.SelectMany(set => metrics.Select(m => new ExtractedMetric(ns.GetString()!, m.Name, m.Unit, m.Resolution, set, m.Values))).ToList();
    }

    private static List<KeyValuePair<string, string>> DimensionSet(JsonElement root, JsonElement set, string where)
    {
        Require(set.ValueKind == JsonValueKind.Array, $"{where} is not an array of dimension names");
        Require(set.GetArrayLength() <= MaxDimensionsPerSet, $"{where} has more than {MaxDimensionsPerSet} dimensions");
        var dimensions = new List<KeyValuePair<string, string>>();
        foreach (var key in set.EnumerateArray())
        {
            Require(key.ValueKind == JsonValueKind.String, $"{where} holds a dimension name that is not a string");
            var name = key.GetString()!;
            Require(root.TryGetProperty(name, out var value), $"dimension {name} of {where} is not a member of the document");
            Require(value.ValueKind == JsonValueKind.String, $"dimension {name} is not a string");
            dimensions.Add(new(name, value.GetString()!));
        }

        return dimensions;
    }

    private static (string Name, string Unit, int Resolution, double[] Values) Metric(JsonElement root, JsonElement definition, string where)
    {
        Require(definition.ValueKind == JsonValueKind.Object, $"{where} is not an object");
        Require(definition.TryGetProperty("Name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String && nameElement.GetString() is { Length: > 0 }, $"{where}.Name is missing or empty");
        var name = nameElement.GetString()!;
        var unit = "None";
        if (definition.TryGetProperty("Unit", out var unitElement))
        {
            Require(unitElement.ValueKind == JsonValueKind.String && Units.Contains(unitElement.GetString()!), $"{where}.Unit is not one of CloudWatch's units");
            unit = unitElement.GetString()!;
        }

        var resolution = 60;
        if (definition.TryGetProperty("StorageResolution", out var resolutionElement))
        {
            Require(resolutionElement.ValueKind == JsonValueKind.Number && resolutionElement.TryGetInt32(out resolution) && resolution is 1 or 60, $"{where}.StorageResolution is neither 1 nor 60");
        }

        Require(root.TryGetProperty(name, out var target), $"metric {name} of {where} is not a member of the document");
        var values = target.ValueKind switch
        {
            JsonValueKind.Number => [target.GetDouble()],
            JsonValueKind.Array when target.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number) => target.EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            _ => throw new FormatException($"metric {name} is neither a number nor an array of numbers"),
        };
        Require(values.Length <= MaxValuesPerMetric, $"metric {name} has more than {MaxValuesPerMetric} values");
        return (name, unit, resolution, values);
    }

    private static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new FormatException(reason);
        }
    }
}
