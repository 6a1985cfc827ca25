using System.Globalization;
using System.Text;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Runner.Execution;
using Lambench.Runner.Loads;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Costs;

/// <summary>
/// Prices a run with the price catalog: before it from the plan (Lambda as an upper bound at the timeout, DynamoDB and
/// SQS exactly from the batches), after it from the REPORT lines it produced and the items its writers put. An SQS
/// message costs its send, the trigger's receive and its delete, each one request per 64 KB chunk; the trigger's empty
/// polls between messages are not counted (AWS bills them too: the estimate says so). An HTTP API call is one
/// request per started 512 KB.
/// </summary>
public sealed class RunCostEstimator(PriceCatalog catalog)
{
    private readonly LambdaCostModel lambda = new(catalog);
    private readonly ServiceCostModel services = new(catalog);

    /// <summary>The most the plan can cost: every invocation, warm-ups included, billed to <paramref name="timeoutSeconds"/>.</summary>
    public RunCost Before(ExperimentSpec spec, RunPlan plan, int timeoutSeconds)
    {
        var configurations = spec.Configurations.ToDictionary(c => c.Name, StringComparer.Ordinal);
        // An open-loop load step sends the requests its schedule plans (Poisson's expectation); closed-loop users at
        // most users × (duration / shortest think + 1), and nothing when they may think 0 ms (run says so).
        var perLoad = (int)Math.Min(int.MaxValue, spec.Load?.CountedRequests ?? 0);
        var sends = plan.Steps
            .SelectMany(s => s.Kind == StepKind.Invoke ? [(Step: s, BatchId: s.BatchId(plan.RunId, 1))]
                : s.Kind == StepKind.Load ? Enumerable.Range(0, perLoad).Select(i => (Step: s, BatchId: LoadRequest.BatchIdOf(s.BatchId(plan.RunId, 1), i)))
                : [])
            .ToList();
        var lambdaUsd = sends.Sum(s => lambda.InvocationCost(configurations[s.Step.Configuration].Architecture, configurations[s.Step.Configuration].MemoryMb, timeoutSeconds * 1000m));
        return WithServices(spec, sends.Select(s => (s.Step.Batch!, s.BatchId)), sends.Count, lambdaUsd);
    }

    /// <summary>
    /// What the run cost: the billed durations of <paramref name="reportRows"/> (every REPORT line of the run: warm-ups,
    /// abandoned attempts and redeliveries included) and the writes of its <paramref name="sentBatches"/>.
    /// </summary>
    public RunCost After(ExperimentSpec spec, IReadOnlyList<InvocationRecord> reportRows, IReadOnlyList<(string Label, string BatchId)> sentBatches)
    {
        var lambdaUsd = reportRows.Sum(r => lambda.InvocationCost(r.Architecture ?? "x86_64", r.MemorySizeMb ?? 0, (decimal)(r.BilledDurationMs ?? Math.Ceiling(r.DurationMs))));
        return WithServices(spec, sentBatches, reportRows.Count, lambdaUsd);
    }

    private RunCost WithServices(ExperimentSpec spec, IEnumerable<(string Label, string BatchId)> batches, long invocations, decimal lambdaUsd)
    {
        long writeUnits = 0, sqsRequests = 0, apiRequests = 0;
        decimal readUnits = 0;
        var byLabel = spec.Batches.ToDictionary(b => b.Label, StringComparer.Ordinal);
        // A reader run writes its items once before it starts; then each GetItem (eventually consistent) reads one.
        foreach (var (size, count) in ReaderSeed.Sets(spec))
        {
            for (long index = 0; index < count; index++)
            {
                writeUnits += services.DynamoDbWriteUnits(ReaderSeed.ItemBytes(size, index));
            }
        }

        foreach (var (label, batchId) in batches)
        {
            var batch = byLabel[label];
            if (spec.Workload == Workload.Reader)
            {
                var size = Convert.ToInt64(batch.Parameters["size_bytes"], CultureInfo.InvariantCulture);
                for (long index = 0, count = Convert.ToInt64(batch.Parameters["count"], CultureInfo.InvariantCulture); index < count; index++)
                {
                    readUnits += services.DynamoDbReadUnits(ReaderSeed.ItemBytes(size, index), stronglyConsistent: false);
                }
            }

            if (spec.Workload == Workload.Writer)
            {
                var size = Convert.ToInt64(batch.Parameters["size_bytes"], CultureInfo.InvariantCulture);
                for (long index = 0, count = Convert.ToInt64(batch.Parameters["count"], CultureInfo.InvariantCulture); index < count; index++)
                {
                    writeUnits += services.DynamoDbWriteUnits(WriterItemBytes(batchId, label, index, size));
                }
            }

            if (spec.Channel == Channel.Sqs)
            {
                sqsRequests += 3 * services.SqsRequests(Encoding.UTF8.GetByteCount(BatchPayload.Create(batch, batchId, 1).ToJsonString()));
            }
            else if (spec.Channel == Channel.Api)
            {
                apiRequests += services.HttpApiRequests(Encoding.UTF8.GetByteCount(BatchPayload.Create(batch, batchId, 1).ToJsonString()));
            }
        }

        var dynamoDbUsd = (writeUnits * catalog.Dynamodb.OnDemand.UsdPerMillionWriteUnits / 1_000_000m) + services.DynamoDbReadCost(readUnits);
        return new RunCost(invocations, lambdaUsd, writeUnits, dynamoDbUsd, sqsRequests, services.SqsCost(sqsRequests), apiRequests, services.HttpApiCost(apiRequests), readUnits);
    }

    /// <summary>
    /// The size DynamoDB bills for one writer item (pk, sk, label, data, written_us): attribute names plus values. So a
    /// "1 KB" item (data of 1,024 bytes) is over 1 KB: 2 write units. written_us (µs since the epoch, 16 digits until
    /// 2286) is counted at its most, 9 bytes: with trailing zeros it is a byte or two smaller, which changes an item's
    /// units only within 8 bytes of a KB boundary.
    /// </summary>
    public static long WriterItemBytes(string batchId, string label, long index, long dataBytes) =>
        "pk".Length + Encoding.UTF8.GetByteCount("batch_id#" + batchId)
        + "sk".Length + NumberBytes(index)
        + "label".Length + Encoding.UTF8.GetByteCount(label)
        + "data".Length + dataBytes
        + "written_us".Length + 9;

    /// <summary>
    /// A non-negative whole number's size as DynamoDB counts it (dynalite's rule, db/index.js valSize): 1 byte for 0;
    /// else 1 byte plus one per two significant digits (trailing zeros trimmed), plus one more when an even count of
    /// digits starts at an even power of ten (the base-100 pairs are aligned to the decimal point).
    /// </summary>
    public static int NumberBytes(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        if (value == 0)
        {
            return 1;
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        var significant = text.TrimEnd('0').Length;
        var exponent = text.Length - 1;
        return 1 + ((significant + 1) / 2) + (significant % 2 == 0 && exponent % 2 == 0 ? 1 : 0);
    }
}
