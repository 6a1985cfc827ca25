using System.Text.Json;

namespace Lambench.Core.Metrics;

/// <summary>A log line in CloudWatch's embedded metric format: its time, the metrics CloudWatch extracts from it, and its root object for the other members.</summary>
public sealed class EmbeddedMetricDocument(DateTimeOffset timestamp, IReadOnlyList<ExtractedMetric> metrics, JsonElement root)
{
    /// <summary>_aws.Timestamp: the time of the extracted metrics (milliseconds since the epoch in the document).</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    public IReadOnlyList<ExtractedMetric> Metrics { get; } = metrics;

    /// <summary>The whole document (a detached copy), for members that are not metrics, such as a request id.</summary>
    public JsonElement Root { get; } = root;

    /// <summary>A string member of the root; null when it is absent or not a string.</summary>
    public string? Text(string name) => Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A number member of the root; null when it is absent or not a number.</summary>
    public double? Number(string name) => Root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
