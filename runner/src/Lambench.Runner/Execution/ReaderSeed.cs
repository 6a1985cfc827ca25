using System.Globalization;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lambench.Runner.Costs;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Execution;

/// <summary>
/// The items a reader run reads, written before it: for each item size of the spec's batches, items pk
/// seed#&lt;size_bytes&gt;, sk 0 to the largest count less one, data of size_bytes. Writing them again is harmless (a
/// put replaces an item), so a resumed run writes them again rather than trust a table that may have been emptied.
/// </summary>
public static class ReaderSeed
{
    /// <summary>The most items a reader batch reads (and the runner seeds) per size.</summary>
    public const int MaxCount = 10_000;

    /// <summary>Each item size the spec reads, with the most items a batch of that size reads.</summary>
    public static IReadOnlyList<(long SizeBytes, long Count)> Sets(ExperimentSpec spec) =>
        spec.Workload != Workload.Reader ? [] : spec.Batches
            .GroupBy(b => Convert.ToInt64(b.Parameters["size_bytes"], CultureInfo.InvariantCulture))
            .Select(g => (g.Key, g.Max(b => Convert.ToInt64(b.Parameters["count"], CultureInfo.InvariantCulture))))
            .OrderBy(s => s.Key)
            .ToList();

    public static Dictionary<string, AttributeValue> Item(long sizeBytes, long index) => new()
    {
        ["pk"] = new AttributeValue { S = Key(sizeBytes) },
        ["sk"] = new AttributeValue { N = index.ToString(CultureInfo.InvariantCulture) },
        ["data"] = new AttributeValue { S = new string('x', (int)sizeBytes) },
    };

    /// <summary>The size DynamoDB bills for a seed item: attribute names plus values, the number by dynalite's rule.</summary>
    public static long ItemBytes(long sizeBytes, long index) =>
        "pk".Length + Encoding.UTF8.GetByteCount(Key(sizeBytes)) + "sk".Length + RunCostEstimator.NumberBytes(index) + "data".Length + sizeBytes;

    private static string Key(long sizeBytes) => "seed#" + sizeBytes.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes every seed item, 25 a request, sending unprocessed items again after a growing wait.</summary>
    public static async Task WriteAsync(IAmazonDynamoDB dynamoDb, string table, ExperimentSpec spec, TimeProvider time, IProgress<string>? progress, CancellationToken cancellation)
    {
        foreach (var (size, count) in Sets(spec))
        {
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"writing the reader's {count} items of {size} bytes"));
            for (long first = 0; first < count; first += 25)
            {
                var requests = new List<WriteRequest>();
                for (var index = first; index < Math.Min(first + 25, count); index++)
                {
                    requests.Add(new WriteRequest { PutRequest = new PutRequest { Item = Item(size, index) } });
                }

                var pending = new Dictionary<string, List<WriteRequest>> { [table] = requests };
                for (var attempt = 0; pending.GetValueOrDefault(table) is { Count: > 0 }; attempt++)
                {
                    if (attempt > 0)
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time, cancellation);
                    }

                    pending = (await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, cancellation)).UnprocessedItems ?? [];
                }
            }
        }
    }
}
