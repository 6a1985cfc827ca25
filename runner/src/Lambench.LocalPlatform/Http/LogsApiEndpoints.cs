using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.LocalPlatform.Logs;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch Logs in AWS's JSON 1.1 protocol (X-Amz-Target: Logs_20140328.&lt;operation&gt;): DescribeLogGroups,
/// DescribeLogStreams, GetLogEvents, FilterLogEvents with term patterns and nextToken paging, and Logs Insights'
/// StartQuery and GetQueryResults for the subset of the query language that <see cref="InsightsQuery"/> reads.
/// </summary>
internal sealed class LogsApiEndpoints(LogStore store)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, StoredQuery> queries = new(StringComparer.Ordinal);

    public const string TargetPrefix = "Logs_20140328.";
    private const int MaximumLimit = 10000;

    public async Task<IResult> HandleAsync(string operation, HttpContext context)
    {
        JsonObject request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException e)
        {
            return AwsErrors.Json(400, "SerializationException", "the request body is not JSON: " + e.Message);
        }

        try
        {
            var response = operation switch
            {
                "DescribeLogGroups" => DescribeLogGroups(request),
                "DescribeLogStreams" => DescribeLogStreams(request),
                "GetLogEvents" => GetLogEvents(request),
                "FilterLogEvents" => FilterLogEvents(request),
                "StartQuery" => StartQuery(request),
                "GetQueryResults" => GetQueryResults(request),
                _ => throw new LogsException("UnknownOperationException", $"{operation} is not implemented by the local platform"),
            };
            return Results.Text(response.ToJsonString(), "application/x-amz-json-1.1");
        }
        catch (LogsException e)
        {
            return AwsErrors.Json(400, e.Type, e.Message);
        }
    }

    private JsonObject DescribeLogGroups(JsonObject request)
    {
        var prefix = Text(request, "logGroupNamePrefix") ?? string.Empty;
        var groups = store.Groups.Where(g => g.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var (page, next) = Page(groups, request, 50);
        return WithToken(new JsonObject
        {
            ["logGroups"] = new JsonArray(page.Select(g => (JsonNode)new JsonObject
            {
                ["logGroupName"] = g.Name,
                ["creationTime"] = g.CreationTimeMs,
                ["retentionInDays"] = g.RetentionDays,
                ["storedBytes"] = g.StoredBytes,
                ["arn"] = $"arn:aws:logs:us-east-1:000000000000:log-group:{g.Name}:*",
            }).ToArray()),
        }, "nextToken", next);
    }

    private JsonObject DescribeLogStreams(JsonObject request)
    {
        var group = RequiredGroup(request);
        var prefix = Text(request, "logStreamNamePrefix") ?? string.Empty;
        var byTime = Text(request, "orderBy") == "LastEventTime";
        if (byTime && prefix.Length > 0)
        {
            throw new LogsException("InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.");
        }

        IEnumerable<LogStream> streams = group.Streams.Where(s => s.Name.StartsWith(prefix, StringComparison.Ordinal));
        streams = byTime ? streams.OrderBy(s => s.LastEventTimestampMs) : streams.OrderBy(s => s.Name, StringComparer.Ordinal);
        if (request["descending"] is JsonValue descending && descending.GetValue<bool>())
        {
            streams = streams.Reverse();
        }

        var (page, next) = Page(streams.ToList(), request, 50);
        return WithToken(new JsonObject
        {
            ["logStreams"] = new JsonArray(page.Select(s => (JsonNode)new JsonObject
            {
                ["logStreamName"] = s.Name,
                ["creationTime"] = s.CreationTimeMs,
                ["firstEventTimestamp"] = s.FirstEventTimestampMs,
                ["lastEventTimestamp"] = s.LastEventTimestampMs,
                ["lastIngestionTime"] = s.LastEventTimestampMs,
                ["arn"] = $"arn:aws:logs:us-east-1:000000000000:log-group:{group.Name}:log-stream:{s.Name}",
            }).ToArray()),
        }, "nextToken", next);
    }

    private JsonObject GetLogEvents(JsonObject request)
    {
        var group = RequiredGroup(request);
        var streamName = Text(request, "logStreamName") ?? throw new LogsException("InvalidParameterException", "1 validation error detected: Value null at 'logStreamName' failed to satisfy constraint: Member must not be null");
        var stream = group.FindStream(streamName) ?? throw new LogsException("ResourceNotFoundException", "The specified log stream does not exist.");
        var (start, end) = (Long(request, "startTime"), Long(request, "endTime"));
        var events = stream.Searchable(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).Where(e => (start is null || e.TimestampMs >= start) && (end is null || e.TimestampMs < end)).ToList();
        var (page, next) = Page(events, request, MaximumLimit);
        var position = next ?? (TokenIndex(request) + page.Count).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["events"] = new JsonArray(page.Select(e => (JsonNode)new JsonObject { ["timestamp"] = e.TimestampMs, ["message"] = e.Message, ["ingestionTime"] = e.IngestionTimeMs }).ToArray()),
            // The forward token always points past the last event returned; polling with it returns only new events.
            ["nextForwardToken"] = "f/" + position,
            ["nextBackwardToken"] = "b/" + TokenIndex(request).ToString(CultureInfo.InvariantCulture),
        };
    }

    private JsonObject FilterLogEvents(JsonObject request)
    {
        var group = RequiredGroup(request);
        FilterPattern pattern;
        try
        {
            pattern = FilterPattern.Parse(Text(request, "filterPattern"));
        }
        catch (FormatException e)
        {
            throw new LogsException("InvalidParameterException", e.Message);
        }

        var streams = (request["logStreamNames"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var prefix = Text(request, "logStreamNamePrefix");
        var (start, end) = (Long(request, "startTime"), Long(request, "endTime"));
        var events = group.Searchable(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
            .Where(e => (streams is null || streams.Contains(e.StreamName)) && (prefix is null || e.StreamName.StartsWith(prefix, StringComparison.Ordinal)))
            .Where(e => (start is null || e.TimestampMs >= start) && (end is null || e.TimestampMs <= end))
            .Where(e => pattern.Matches(e.Message))
            .OrderBy(e => e.TimestampMs).ThenBy(e => e.Sequence)
            .ToList();
        var (page, next) = Page(events, request, MaximumLimit);
        return WithToken(new JsonObject
        {
            ["events"] = new JsonArray(page.Select(e => (JsonNode)new JsonObject
            {
                ["logStreamName"] = e.StreamName,
                ["timestamp"] = e.TimestampMs,
                ["message"] = e.Message,
                ["ingestionTime"] = e.IngestionTimeMs,
                ["eventId"] = e.EventId,
            }).ToArray()),
            ["searchedLogStreams"] = new JsonArray(),
        }, "nextToken", next);
    }

    private JsonObject StartQuery(JsonObject request)
    {
        var names = (request["logGroupNames"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList()
            ?? (Text(request, "logGroupName") is { } single ? new List<string> { single } : null)
            ?? throw new LogsException("InvalidParameterException", "StartQuery needs logGroupName or logGroupNames");
        var groups = names.Select(n => store.Find(n) ?? throw new LogsException("ResourceNotFoundException", $"Log group '{n}' does not exist")).ToList();
        var (start, end) = (Long(request, "startTime"), Long(request, "endTime"));
        if (start is null || end is null || end < start)
        {
            throw new LogsException("InvalidParameterException", "startTime and endTime (seconds since the epoch, endTime not before startTime) are required");
        }

        InsightsQuery query;
        try
        {
            query = InsightsQuery.Parse(Text(request, "queryString") ?? throw new LogsException("InvalidParameterException", "queryString is required"));
        }
        catch (FormatException e)
        {
            throw new LogsException("MalformedQueryException", e.Message);
        }

        // The range is inclusive and in seconds: an event at 12:00:00.900 is in a range ending at 12:00:00.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var scanned = groups.SelectMany(g => g.Searchable(now).Where(e => e.TimestampMs >= start * 1000 && e.TimestampMs < (end + 1) * 1000).Select(e => (g.Name, e))).ToList();
        var limit = (int?)Long(request, "limit");
        var (matched, rows) = query.Run(scanned);
        if (limit is { } cap)
        {
            rows = rows.Take(cap).ToList();
        }

        var id = Guid.NewGuid().ToString();
        queries[id] = new StoredQuery(
            new JsonArray(rows.Select(r => (JsonNode)new JsonArray(query.Row(r.Group, r.Event).Select(f => (JsonNode)new JsonObject { ["field"] = f.Field, ["value"] = f.Value }).ToArray())).ToArray()),
            new JsonObject
            {
                ["recordsMatched"] = (double)matched,
                ["recordsScanned"] = (double)scanned.Count,
                ["bytesScanned"] = (double)scanned.Sum(e => System.Text.Encoding.UTF8.GetByteCount(e.Item2.Message)),
            });
        return new JsonObject { ["queryId"] = id };
    }

    /// <summary>A query is Running at its first poll and Complete after, so that clients' polling is exercised.</summary>
    private JsonObject GetQueryResults(JsonObject request)
    {
        var id = Text(request, "queryId") ?? throw new LogsException("InvalidParameterException", "queryId is required");
        var query = queries.GetValueOrDefault(id) ?? throw new LogsException("ResourceNotFoundException", $"Query {id} does not exist");
        var first = Interlocked.Increment(ref query.Polls) == 1;
        return new JsonObject
        {
            ["results"] = first ? new JsonArray() : query.Results.DeepClone(),
            ["statistics"] = query.Statistics.DeepClone(),
            ["status"] = first ? "Running" : "Complete",
        };
    }

    private LogGroup RequiredGroup(JsonObject request)
    {
        var name = Text(request, "logGroupName") ?? Text(request, "logGroupIdentifier")
            ?? throw new LogsException("InvalidParameterException", "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null");
        return store.Find(name) ?? throw new LogsException("ResourceNotFoundException", "The specified log group does not exist.");
    }

    /// <summary>Tokens are the index of the next item, prefixed so that a token of another operation is recognisable.</summary>
    private static (List<T> Page, string? Next) Page<T>(List<T> items, JsonObject request, int defaultLimit)
    {
        var limit = (int?)Long(request, "limit") ?? defaultLimit;
        if (limit < 1 || limit > MaximumLimit)
        {
            throw new LogsException("InvalidParameterException", $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value between 1 and {MaximumLimit}");
        }

        var from = TokenIndex(request);
        var page = items.Skip(from).Take(limit).ToList();
        return (page, from + page.Count < items.Count ? (from + page.Count).ToString(CultureInfo.InvariantCulture) : null);
    }

    private static int TokenIndex(JsonObject request)
    {
        var token = Text(request, "nextToken");
        if (token is null)
        {
            return 0;
        }

        var digits = token.StartsWith("f/", StringComparison.Ordinal) || token.StartsWith("b/", StringComparison.Ordinal) ? token[2..] : token;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : throw new LogsException("InvalidParameterException", "The specified nextToken is invalid.");
    }

    private static JsonObject WithToken(JsonObject response, string name, string? token)
    {
        if (token is not null)
        {
            response[name] = token;
        }

        return response;
    }

    private static string? Text(JsonObject request, string name) => request[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static long? Long(JsonObject request, string name) => request[name] is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;

    private sealed class StoredQuery(JsonArray results, JsonObject statistics)
    {
        // Counted with Interlocked: two clients may poll one query at once.
        public int Polls;

        public JsonArray Results { get; } = results;
        public JsonObject Statistics { get; } = statistics;
    }

    private sealed class LogsException(string type, string message) : Exception(message)
    {
        public string Type { get; } = type;
    }
}
