using System.Globalization;
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
    public static IReadOnlySet<string> Units => UnitSet;

    private static readonly HashSet<string> UnitSet = new(StringComparer.Ordinal)
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
        if (!TryParseJson(message, out var root, out reason))
        {
            return false;
        }

        return TryRead(root, out document, out reason);
    }

    /// <summary>A message's JSON, detached from its document; false with the parser's reason when it is not JSON.</summary>
    public static bool TryParseJson(string message, out JsonElement root, out string? reason)
    {
        try
        {
            using var parsed = JsonDocument.Parse(message);
            root = parsed.RootElement.Clone();
            reason = null;
            return true;
        }
        catch (JsonException e)
        {
            root = default;
            reason = $"not JSON: {e.Message}";
            return false;
        }
    }

    /// <summary>
    /// Whether parsed JSON claims to be EMF: an object with an "_aws" member. CloudWatch extracts metrics from such a line
    /// or counts it as an error; any other line is an ordinary log line.
    /// </summary>
    public static bool Claims(JsonElement root) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty("_aws", out _);

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
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("the document is not a JSON object");
        }

        if (!root.TryGetProperty("_aws", out var aws) || aws.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("_aws is missing or not an object");
        }

        if (!aws.TryGetProperty("Timestamp", out var stamp) || stamp.ValueKind != JsonValueKind.Number || !stamp.TryGetInt64(out var ms))
        {
            throw Invalid("_aws.Timestamp is missing or not a whole number of milliseconds");
        }

        if (!aws.TryGetProperty("CloudWatchMetrics", out var directives) || directives.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("_aws.CloudWatchMetrics is missing or not an array");
        }

        if (ms < -62_135_596_800_000 || ms > 253_402_300_799_999)
        {
            throw Invalid($"_aws.Timestamp {ms} is not a time");
        }

        var metrics = new List<ExtractedMetric>();
        var index = 0;
        foreach (var directive in directives.EnumerateArray())
        {
            Directive(root, directive, index++, metrics);
        }

        return new EmbeddedMetricDocument(DateTimeOffset.FromUnixTimeMilliseconds(ms), metrics, root);
    }

    // Messages are composed only when a rule is broken: a valid line, the common case, formats no text.
    private static string Where(int directive) => string.Create(CultureInfo.InvariantCulture, $"_aws.CloudWatchMetrics[{directive}]");

    private static void Directive(JsonElement root, JsonElement directive, int index, List<ExtractedMetric> into)
    {
        if (directive.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{Where(index)} is not an object");
        }

        if (!directive.TryGetProperty("Namespace", out var nsElement) || nsElement.ValueKind != JsonValueKind.String || nsElement.GetString() is not { Length: > 0 and <= 255 } ns)
        {
            throw Invalid($"{Where(index)}.Namespace is missing, empty or longer than 255 characters");
        }

        if (!directive.TryGetProperty("Dimensions", out var sets) || sets.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{Where(index)}.Dimensions is missing or not an array");
        }

        if (!directive.TryGetProperty("Metrics", out var definitions) || definitions.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{Where(index)}.Metrics is missing or not an array");
        }

        if (definitions.GetArrayLength() > MaxMetricsPerDirective)
        {
            throw Invalid($"{Where(index)}.Metrics has more than {MaxMetricsPerDirective} metrics");
        }

        var dimensionSets = new List<List<KeyValuePair<string, string>>>(sets.GetArrayLength());
        var set = 0;
        foreach (var element in sets.EnumerateArray())
        {
            dimensionSets.Add(DimensionSet(root, element, index, set++));
        }

        var metrics = new List<(string Name, string Unit, int Resolution, double[] Values)>(definitions.GetArrayLength());
        var metric = 0;
        foreach (var definition in definitions.EnumerateArray())
        {
            metrics.Add(Metric(root, definition, index, metric++));
        }

        // A directive without dimension sets still yields its metrics, without dimensions.
        if (dimensionSets.Count == 0)
        {
            dimensionSets.Add([]);
        }

        foreach (var dimensions in dimensionSets)
        {
            foreach (var (name, unit, resolution, values) in metrics)
            {
                into.Add(new ExtractedMetric(ns, name, unit, resolution, dimensions, values));
            }
        }
    }

    private static List<KeyValuePair<string, string>> DimensionSet(JsonElement root, JsonElement set, int directive, int index)
    {
        if (set.ValueKind != JsonValueKind.Array)
        {
            throw Invalid($"{Where(directive)}.Dimensions[{index}] is not an array of dimension names");
        }

        if (set.GetArrayLength() > MaxDimensionsPerSet)
        {
            throw Invalid($"{Where(directive)}.Dimensions[{index}] has more than {MaxDimensionsPerSet} dimensions");
        }

        var dimensions = new List<KeyValuePair<string, string>>(set.GetArrayLength());
        foreach (var key in set.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"{Where(directive)}.Dimensions[{index}] holds a dimension name that is not a string");
            }

            var name = key.GetString()!;
            if (!root.TryGetProperty(name, out var value))
            {
                throw Invalid($"dimension {name} of {Where(directive)}.Dimensions[{index}] is not a member of the document");
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                throw Invalid($"dimension {name} is not a string");
            }

            dimensions.Add(new(name, value.GetString()!));
        }

        return dimensions;
    }

    private static (string Name, string Unit, int Resolution, double[] Values) Metric(JsonElement root, JsonElement definition, int directive, int index)
    {
        if (definition.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{Where(directive)}.Metrics[{index}] is not an object");
        }

        if (!definition.TryGetProperty("Name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String || nameElement.GetString() is not { Length: > 0 } name)
        {
            throw Invalid($"{Where(directive)}.Metrics[{index}].Name is missing or empty");
        }

        var unit = "None";
        if (definition.TryGetProperty("Unit", out var unitElement))
        {
            if (unitElement.ValueKind != JsonValueKind.String || !UnitSet.TryGetValue(unitElement.GetString()!, out var known))
            {
                throw Invalid($"{Where(directive)}.Metrics[{index}].Unit is not one of CloudWatch's units");
            }

            unit = known;
        }

        var resolution = 60;
        if (definition.TryGetProperty("StorageResolution", out var resolutionElement)
            && (resolutionElement.ValueKind != JsonValueKind.Number || !resolutionElement.TryGetInt32(out resolution) || resolution is not (1 or 60)))
        {
            throw Invalid($"{Where(directive)}.Metrics[{index}].StorageResolution is neither 1 nor 60");
        }

        if (!root.TryGetProperty(name, out var target))
        {
            throw Invalid($"metric {name} of {Where(directive)}.Metrics[{index}] is not a member of the document");
        }

        return (name, unit, resolution, Values(name, target));
    }

    private static double[] Values(string name, JsonElement target)
    {
        if (target.ValueKind == JsonValueKind.Number)
        {
            return [target.GetDouble()];
        }

        if (target.ValueKind != JsonValueKind.Array || target.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.Number))
        {
            throw Invalid($"metric {name} is neither a number nor an array of numbers");
        }

        if (target.GetArrayLength() > MaxValuesPerMetric)
        {
            throw Invalid($"metric {name} has more than {MaxValuesPerMetric} values");
        }

        var values = new double[target.GetArrayLength()];
        var i = 0;
        foreach (var value in target.EnumerateArray())
        {
            values[i++] = value.GetDouble();
        }

        return values;
    }

    private static FormatException Invalid(string reason) => new(reason);
}
