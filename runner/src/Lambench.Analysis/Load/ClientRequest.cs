namespace Lambench.Analysis.Load;

/// <summary>
/// One row of requests.csv: a load's request and, where found, its REPORT line's figures. Times in milliseconds;
/// <see cref="IntendedS"/> is seconds from the first request of its configuration's load.
/// </summary>
public sealed record ClientRequest(
    string Configuration,
    string Label,
    int Round,
    DateTimeOffset IntendedUtc,
    string Outcome,
    double ClientLatencyMs,
    double ServiceTimeMs,
    double? DurationMs,
    double? InitDurationMs,
    double? PlatformNetworkMs,
    double? ToStartMs)
{
    public const string Ok = "ok";
    public const string Throttled = "throttled";

    public double IntendedS { get; init; }

    /// <summary>The batch id the request was sent with: its load step's, then -r and its number.</summary>
    public string BatchId { get; init; } = string.Empty;

    /// <summary>When the answer came, in seconds from the first request of its configuration's load.</summary>
    public double CompletedS => IntendedS + (ClientLatencyMs / 1000);
}
