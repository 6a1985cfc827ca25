using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>The CloudWatch Logs operations the collector uses (AWSSDK.CloudWatchLogs is not obtainable; <see cref="LogsClient"/> is the substitute).</summary>
public interface ILogsApi
{
    /// <summary>Requests sent so far, retries and pages included (the collector's API calls).</summary>
    int Requests { get; }

    /// <summary>Every event of a log group matching <paramref name="filterPattern"/> from <paramref name="startTimeMs"/> on, all pages.</summary>
    Task<IReadOnlyList<JsonObject>> FilterLogEventsAsync(string logGroupName, string? filterPattern, long? startTimeMs, CancellationToken cancellation = default);
}
