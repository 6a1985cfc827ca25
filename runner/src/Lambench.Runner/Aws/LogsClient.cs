using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>
/// The smallest CloudWatch Logs client the runner needs: FilterLogEvents with paging, and Logs Insights' StartQuery and
/// GetQueryResults; SigV4-signed, retried on throttling.
/// </summary>
public sealed class LogsClient(HttpClient http, AwsEndpoint endpoint) : ILogsApi
{
    private readonly SignedHttpClient client = new(http, endpoint, "logs");

    public SignedHttpClient Http => client;

    public int Requests => client.Requests;

    /// <summary>Every event of a log group matching <paramref name="filterPattern"/> from <paramref name="startTimeMs"/> on, all pages.</summary>
    public async Task<IReadOnlyList<JsonObject>> FilterLogEventsAsync(string logGroupName, string? filterPattern, long? startTimeMs, CancellationToken cancellation = default)
    {
        var events = new List<JsonObject>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["logGroupName"] = logGroupName };
            if (filterPattern is not null)
            {
                request["filterPattern"] = filterPattern;
            }

            if (startTimeMs is not null)
            {
                request["startTime"] = startTimeMs;
            }

            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = await SendAsync("FilterLogEvents", request, cancellation);
            events.AddRange((page["events"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()));
            token = (string?)page["nextToken"];
        }
        while (token is not null);

        return events;
    }

    public async Task<IReadOnlyList<string>> DescribeLogGroupNamesAsync(string prefix, CancellationToken cancellation = default)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var request = new JsonObject { ["logGroupNamePrefix"] = prefix };
            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = await SendAsync("DescribeLogGroups", request, cancellation);
            names.AddRange((page["logGroups"] as JsonArray ?? []).Select(g => (string?)g?["logGroupName"]).OfType<string>());
            token = (string?)page["nextToken"];
        }
        while (token is not null);

        return names;
    }

    public async Task<string> StartQueryAsync(string logGroupName, long startTimeSeconds, long endTimeSeconds, string queryString, int limit, CancellationToken cancellation = default)
    {
        var answer = await SendAsync("StartQuery", new JsonObject
        {
            ["logGroupName"] = logGroupName,
            ["startTime"] = startTimeSeconds,
            ["endTime"] = endTimeSeconds,
            ["queryString"] = queryString,
            ["limit"] = limit,
        }, cancellation);
        return (string?)answer["queryId"] ?? throw new AwsServiceException(0, "NoQueryId", "StartQuery returned no queryId");
    }

    public async Task<(string Status, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows)> GetQueryResultsAsync(string queryId, CancellationToken cancellation = default)
    {
        var answer = await SendAsync("GetQueryResults", new JsonObject { ["queryId"] = queryId }, cancellation);
        var rows = (answer["results"] as JsonArray ?? [])
            .OfType<JsonArray>()
            .Select(row => (IReadOnlyDictionary<string, string>)row.OfType<JsonObject>()
                .Where(f => f["field"] is not null)
                .GroupBy(f => (string)f["field"]!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (string?)g.First()["value"] ?? string.Empty, StringComparer.Ordinal))
            .ToList();
        return ((string?)answer["status"] ?? "Unknown", rows);
    }

    private Task<JsonObject> SendAsync(string operation, JsonObject request, CancellationToken cancellation) =>
        client.SendJsonAsync(HttpMethod.Post, "/", request, new Dictionary<string, string> { ["X-Amz-Target"] = "Logs_20140328." + operation }, "application/x-amz-json-1.1", cancellation);
}
