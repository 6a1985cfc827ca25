using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Lambench.Runner.Collection;

/// <summary>
/// The items the writer put for a batch (pk batch_id#&lt;id&gt;), read back with consistent reads: how many, and the
/// latest written_us, the writer's clock when it issued an item's write. The send-to-effect time is that against the
/// runner's send time: two clocks, the same one locally; on AWS, Lambda's and this machine's, NTP-synchronised.
/// </summary>
public sealed class WriterItems(IAmazonDynamoDB dynamoDb, string tableName)
{
    public const string WrittenAttribute = "written_us";

    /// <summary>The batch's item count and its last item's write time (null when no item carries one).</summary>
    public async Task<(int Count, DateTimeOffset? LastWrite)> ReadAsync(string batchId, CancellationToken cancellation)
    {
        var count = 0;
        long? last = null;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "pk = :pk",
                ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new() { S = $"batch_id#{batchId}" } },
                ProjectionExpression = WrittenAttribute,
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellation);
            count += page.Count ?? 0;
            foreach (var item in page.Items ?? [])
            {
                if (item.TryGetValue(WrittenAttribute, out var value) && long.TryParse(value.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var micros))
                {
                    last = Math.Max(last ?? micros, micros);
                }
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return (count, last is { } us ? DateTimeOffset.UnixEpoch.AddTicks(us * 10) : null);
    }

    /// <summary>Every batch's items, a few queries at a time, with progress for a long load.</summary>
    public async Task<IReadOnlyDictionary<string, (int Count, DateTimeOffset? LastWrite)>> ReadAllAsync(IReadOnlyCollection<string> batchIds, IProgress<string>? progress, CancellationToken cancellation)
    {
        var results = new System.Collections.Concurrent.ConcurrentDictionary<string, (int, DateTimeOffset?)>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(batchIds, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellation }, async (batchId, token) =>
        {
            results[batchId] = await ReadAsync(batchId, token);
            if (results.Count % 500 == 0)
            {
                progress?.Report($"read back the DynamoDB items of {results.Count} of {batchIds.Count} requests");
            }
        });
        return results;
    }
}
