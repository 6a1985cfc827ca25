using System.Globalization;
using System.Text.Json.Nodes;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Collection;

/// <summary>
/// Reads a log group's REPORT and tag lines with Logs Insights. A query returns at most a limit of rows (10,000), so a
/// window that comes back full is split in two and each half asked again, down to one second. Rows come back in the
/// shape FilterLogEvents gives (timestamp, message, logStreamName), so both methods feed the same files.
/// </summary>
public sealed class InsightsLogReader(ILogsApi logs, TimeSpan pollInterval, int limit = InsightsLogReader.DefaultLimit, TimeProvider? time = null)
{
    /// <summary>The rows one query returns at most (the long-standing Logs Insights limit).</summary>
    public const int DefaultLimit = 10_000;

    /// <summary>The same lines <see cref="InvocationCollector.FilterPattern"/> selects.</summary>
    public string Query { get; } = @"fields @timestamp, @message, @logStream | filter @message like /REPORT RequestId|platform\.report|batch_id/ | sort @timestamp asc | limit " + limit.ToString(CultureInfo.InvariantCulture);

    /// <summary>Windows still at the limit after splitting down to one second (their rows may be incomplete).</summary>
    public int FullWindows { get; private set; }

    public async Task<List<JsonObject>> ReadAsync(string logGroupName, long startMs, long endMs, CancellationToken cancellation = default)
    {
        var events = new List<JsonObject>();
        await ReadWindowAsync(logGroupName, startMs / 1000, (endMs + 999) / 1000, events, cancellation);
        return events;
    }

    private async Task ReadWindowAsync(string group, long startSeconds, long endSeconds, List<JsonObject> events, CancellationToken cancellation)
    {
        var rows = await RunAsync(group, startSeconds, endSeconds, cancellation);
        if (rows.Count >= limit)
        {
            if (startSeconds < endSeconds)
            {
                var middle = startSeconds + ((endSeconds - startSeconds) / 2);
                await ReadWindowAsync(group, startSeconds, middle, events, cancellation);
                await ReadWindowAsync(group, middle + 1, endSeconds, events, cancellation);
                return;
            }

            FullWindows++;
        }

        events.AddRange(rows.Select(row => new JsonObject
        {
            ["logStreamName"] = row.GetValueOrDefault("@logStream"),
            ["timestamp"] = Timestamp(row.GetValueOrDefault("@timestamp"), group),
            ["message"] = row.GetValueOrDefault("@message"),
        }));
    }

    /// <summary>Logs Insights answers @timestamp as "yyyy-MM-dd HH:mm:ss.fff" (UTC); anything else is a malformed answer.</summary>
    private static long Timestamp(string? value, string group) =>
        DateTimeOffset.TryParseExact(value, "yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUnixTimeMilliseconds()
            : throw new AwsServiceException(0, "MalformedAnswer", $"Logs Insights answered @timestamp '{value}' for {group}, not Insights' yyyy-MM-dd HH:mm:ss.fff: collect with --collect filter");

    private async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> RunAsync(string group, long startSeconds, long endSeconds, CancellationToken cancellation)
    {
        var id = await logs.StartQueryAsync(group, startSeconds, endSeconds, Query, limit, cancellation);
        while (true)
        {
            var (status, rows) = await logs.GetQueryResultsAsync(id, cancellation);
            switch (status)
            {
                case "Complete":
                    return rows;
                case "Scheduled" or "Running":
                    await Task.Delay(pollInterval, time ?? TimeProvider.System, cancellation);
                    break;
                default:
                    throw new AwsServiceException(0, "QueryNotComplete", $"Logs Insights query {id} on {group} ended {status}");
            }
        }
    }
}
