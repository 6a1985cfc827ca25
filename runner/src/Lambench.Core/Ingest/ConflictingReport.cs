namespace Lambench.Core.Ingest;

/// <summary>A request id seen again with other metrics: the first row is kept, this one ignored.</summary>
public sealed record ConflictingReport(string RequestId, double KeptDurationMs, double IgnoredDurationMs, string IgnoredPath, string IgnoredWhere)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{RequestId}: Duration {KeptDurationMs} ms kept, {IgnoredDurationMs} ms at {IgnoredPath}: {IgnoredWhere} ignored");
}
