namespace Lambench.LocalPlatform.Metrics;

/// <summary>
/// A CloudWatch metric's identity: namespace, name and dimensions. Dimensions compare as a set (their order in a
/// request or an EMF directive does not matter), and a series with other dimensions is another series.
/// </summary>
public sealed class MetricSeries : IEquatable<MetricSeries>
{
    private readonly string key;

    public MetricSeries(string @namespace, string name, IEnumerable<KeyValuePair<string, string>> dimensions)
    {
        Namespace = @namespace;
        Name = name;
        Dimensions = dimensions.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        // Names and values cannot hold \u0000 in a request, so it separates them without ambiguity.
        key = string.Join('\u0000', [@namespace, name, .. Dimensions.SelectMany(d => new[] { d.Key, d.Value })]);
    }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>Sorted by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; }

    public bool Equals(MetricSeries? other) => other is not null && key == other.key;

    public override bool Equals(object? obj) => Equals(obj as MetricSeries);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(key);
}
