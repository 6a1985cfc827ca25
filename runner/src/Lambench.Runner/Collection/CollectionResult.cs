using System.Globalization;
using System.Text.Json.Serialization;
using Lambench.Core.Records;

namespace Lambench.Runner.Collection;

/// <summary>What collection found against what the journal expected (collection.json); nothing is dropped silently.</summary>
public sealed record CollectionResult
{
    /// <summary>The rows of invocations.csv, in plan order.</summary>
    [JsonIgnore]
    public IReadOnlyList<InvocationRecord> Rows { get; init; } = [];

    /// <summary>Every REPORT line of this run (warm-ups, abandoned attempts and redeliveries included): what it cost.</summary>
    [JsonIgnore]
    public IReadOnlyList<InvocationRecord> RunRows { get; init; } = [];

    /// <summary>Every batch the run sent (label, batch id), retried attempts and re-warm-ups included.</summary>
    [JsonIgnore]
    public IReadOnlyList<(string Label, string BatchId)> SentBatches { get; init; } = [];

    /// <summary>Measured steps (cold and warm) the journal records as done.</summary>
    public required int Expected { get; init; }

    /// <summary>Measured steps of the plan not done (a run that stopped early).</summary>
    public required int NotRun { get; init; }

    public int Found => Rows.Count;

    /// <summary>Expected invocations whose REPORT line never arrived, named by step, batch and request id.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    /// <summary>SQS deliveries beyond the first of a message (throttled or failed, then redelivered).</summary>
    public required int Redeliveries { get; init; }

    public required int ExcludedWarmups { get; init; }
    public required int ExcludedAbandoned { get; init; }

    /// <summary>REPORT lines of the same functions that belong to no step of this run (another run, a manual call).</summary>
    public required int ExcludedOther { get; init; }

    /// <summary>Request ids whose logged batch id differs from the journal's (should never happen).</summary>
    public required IReadOnlyList<string> Conflicts { get; init; }

    /// <summary>REPORT lines of the fetched logs that could not be read: file, line and reason.</summary>
    public IReadOnlyList<string> RejectedLines { get; init; } = [];

    /// <summary>DynamoDB operations of the measured invocations, written to operations.csv.</summary>
    public int Operations { get; init; }

    public required int ItemsChecked { get; init; }

    /// <summary>Writer batches whose DynamoDB item count differs from the batch's count.</summary>
    public required IReadOnlyList<string> ItemMismatches { get; init; }

    /// <summary>
    /// Invocations Lambda refused with TooManyRequestsException during the run, from every source (the SQS trigger's
    /// pollers included): the AWS/Lambda Throttles metric of the run's functions; null when it could not be read. On
    /// AWS the metric can lag by a minute or two.
    /// </summary>
    public int? Throttles { get; init; }

    /// <summary>
    /// <see cref="Throttles"/> by configuration (collection.json's throttlesByConfiguration, which a report of the
    /// run's invocations.csv reads for its throttles table); null when the metric could not be read.
    /// </summary>
    public IReadOnlyDictionary<string, int>? ThrottlesByConfiguration { get; init; }

    /// <summary>Invocations of this run per configuration (every REPORT line: warm-ups, abandoned attempts and redeliveries included), the requests that were not throttled.</summary>
    public IReadOnlyDictionary<string, int> InvocationsByConfiguration => RunRows.GroupBy(r => r.Configuration, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>How the run measured (spec and plan), for the report's Methods paragraph.</summary>
    public Lambench.Core.Summary.RunSetup? Setup { get; init; }

    /// <summary>Rounds of log fetching (more than one when lines arrived late).</summary>
    public required int Attempts { get; init; }

    /// <summary>Logs Insights windows still at the row limit at one second wide: their lines may be incomplete (the missing list says which).</summary>
    public int FullInsightsWindows { get; init; }

    /// <summary>CloudWatch Logs API requests the collection made (pages and retries included).</summary>
    public required int LogRequests { get; init; }

    public string ToOneLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Found} of {Expected} measured invocations matched to their REPORT lines by request id or logged batch id ({Missing.Count} missing, {NotRun} not run); left out: {ExcludedWarmups} warm-up, {ExcludedAbandoned} abandoned, {Redeliveries} SQS redeliveries, {ExcludedOther} from outside this run; {(Throttles is { } t ? t.ToString(CultureInfo.InvariantCulture) : "unknown")} throttled (Throttles metric); {Attempts} collection round(s), {LogRequests} CloudWatch Logs request(s)");
}
