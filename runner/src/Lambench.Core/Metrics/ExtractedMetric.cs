namespace Lambench.Core.Metrics;

/// <summary>
/// One metric CloudWatch extracts from an embedded-metric-format document: for each dimension set of a directive, each
/// of its metrics, with the dimension values and the metric's values (one, or up to 100 from an array) read from the
/// document's root.
/// </summary>
/// <param name="Dimensions">the dimension set's names with their values, in the directive's order; empty for none.</param>
/// <param name="Unit">the declared unit, "None" when the directive declares none (CloudWatch's default).</param>
/// <param name="StorageResolution">1 (high resolution) or 60 seconds, 60 when not declared.</param>
public sealed record ExtractedMetric(
    string Namespace,
    string Name,
    string Unit,
    int StorageResolution,
    IReadOnlyList<KeyValuePair<string, string>> Dimensions,
    IReadOnlyList<double> Values);
