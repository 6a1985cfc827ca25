using System.Text;
using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>The smallest CloudWatch Logs client the runner needs: FilterLogEvents with paging, SigV4-signed, retried on throttling.</summary>
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

            using var response = await client.SendAsync(HttpMethod.Post, "/", Encoding.UTF8.GetBytes(request.ToJsonString()),
                new Dictionary<string, string> { ["X-Amz-Target"] = "Logs_20140328.FilterLogEvents" }, "application/x-amz-json-1.1", cancellation);
            if (!response.IsSuccessStatusCode)
            {
                throw await SignedHttpClient.ErrorAsync(response, cancellation);
            }

            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellation))!.AsObject();
            events.AddRange((page["events"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (JsonObject)e.DeepClone()));
            token = (string?)page["nextToken"];
        }
        while (token is not null);

        return events;
    }
}
