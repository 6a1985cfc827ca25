using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>The CloudWatch Logs operations the collector uses (AWSSDK.CloudWatchLogs is not obtainable; <see cref="LogsClient"/> is the substitute).</summary>
public interface ILogsApi
{
    /// <summary>Requests sent so far, retries and pages included (the collector's API calls).</summary>
    int Requests { get; }

    /// <summary>Every event of a log group matching <paramref name="filterPattern"/> from <paramref name="startTimeMs"/> on, all pages.</summary>
    Task<IReadOnlyList<JsonObject>> FilterLogEventsAsync(string logGroupName, string? filterPattern, long? startTimeMs, CancellationToken cancellation = default);

    /// <summary>The names of the log groups whose name begins with <paramref name="prefix"/>, all pages.</summary>
    Task<IReadOnlyList<string>> DescribeLogGroupNamesAsync(string prefix, CancellationToken cancellation = default);

    /// <summary>Starts a Logs Insights query over [startTime, endTime] (seconds, inclusive) and returns its id.</summary>
    Task<string> StartQueryAsync(string logGroupName, long startTimeSeconds, long endTimeSeconds, string queryString, int limit, CancellationToken cancellation = default);

    /// <summary>A query's status (Scheduled, Running, Complete, Failed, Cancelled, Timeout) and its rows as field-value maps.</summary>
    Task<(string Status, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)> GetQueryResultsAsync(string queryId, CancellationToken cancellation = default);
}
