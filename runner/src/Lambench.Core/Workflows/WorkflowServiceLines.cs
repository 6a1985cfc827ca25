using Lambench.Core.Cost;
using static Lambench.Core.Workflows.WorkflowCostModel;

namespace Lambench.Core.Workflows;

/// <summary>
/// The lines of the services around the functions and state machines: SQS requests (each 64 KB chunk of a message one
/// request), S3 Standard storage, writes and reads, DynamoDB on-demand units (eventually consistent reads at half a unit
/// per 4 KB), CloudWatch Logs ingestion, and EventBridge Scheduler invocations (after its free allowance) and custom events.
/// </summary>
internal sealed class WorkflowServiceLines(PriceCatalog prices)
{
    private readonly ServiceCostModel services = new(prices);

    /// <param name="multiplier">scales what a bucket holds with the executions: what is kept grows with what runs.</param>
    public IEnumerable<CostLine> Lines(WorkflowSpec spec, decimal executions, decimal multiplier)
    {
        foreach (var queue in spec.Queues)
        {
            var requests = executions * (decimal)queue.MessagesPerExecution * (decimal)queue.RequestsPerMessage * services.SqsRequests(queue.MessageBytes);
            yield return Line(CloudService.Sqs, CostItem.Requests, queue.Name, requests, CostUnit.Requests, prices.Sqs.Standard.UsdPerMillionRequests, 1_000_000, "sqs.standard");
        }

        var s3 = prices.S3.Standard;
        foreach (var bucket in spec.Buckets)
        {
            Require(s3.UsdPerGbMonth, "s3.standard.usd_per_gb_month");
            yield return Line(CloudService.S3, CostItem.Storage, bucket.Name, (decimal)bucket.StoredGb * multiplier, CostUnit.GbMonths, s3.UsdPerGbMonth, 1, "s3.standard");
            yield return Line(CloudService.S3, CostItem.Writes, bucket.Name, executions * (decimal)bucket.WritesPerExecution, CostUnit.Requests, s3.UsdPerThousandWrites, 1000, "s3.standard");
            yield return Line(CloudService.S3, CostItem.Reads, bucket.Name, executions * (decimal)bucket.ReadsPerExecution, CostUnit.Requests, s3.UsdPerThousandReads, 1000, "s3.standard");
        }

        var dynamo = prices.Dynamodb.OnDemand;
        foreach (var table in spec.Tables)
        {
            var writeUnits = executions * (decimal)table.WritesPerExecution * services.DynamoDbWriteUnits(table.ItemBytes);
            var readUnits = executions * (decimal)table.ReadsPerExecution * services.DynamoDbReadUnits(table.ItemBytes, stronglyConsistent: false);
            yield return Line(CloudService.DynamoDb, CostItem.Writes, table.Name, writeUnits, CostUnit.WriteUnits, dynamo.UsdPerMillionWriteUnits, 1_000_000, "dynamodb.on_demand");
            yield return Line(CloudService.DynamoDb, CostItem.Reads, table.Name, readUnits, CostUnit.ReadUnits, dynamo.UsdPerMillionReadUnits, 1_000_000, "dynamodb.on_demand");
        }

        if (spec.LogBytesPerExecution > 0)
        {
            var gb = executions * (decimal)spec.LogBytesPerExecution / prices.CloudwatchLogs.BytesPerGb;
            yield return Line(CloudService.CloudWatchLogs, CostItem.Ingestion, null, gb, CostUnit.Gb, prices.CloudwatchLogs.IngestionUsdPerGb, 1, "cloudwatch_logs");
        }

        foreach (var line in Events(spec, executions))
        {
            yield return line;
        }
    }

    private IEnumerable<CostLine> Events(WorkflowSpec spec, decimal executions)
    {
        var events = prices.Eventbridge;
        if (spec.ScheduledEventsPerExecution > 0)
        {
            Require(events.SchedulerUsdPerMillionInvocations, "eventbridge.scheduler_usd_per_million_invocations");
            var scheduled = executions * (decimal)spec.ScheduledEventsPerExecution;
            yield return Line(CloudService.EventBridge, CostItem.ScheduledEvents, null, scheduled, CostUnit.Events, events.SchedulerUsdPerMillionInvocations, 1_000_000, "eventbridge");
            if (Math.Min(events.SchedulerFreeInvocationsPerMonth, scheduled) is var free and > 0)
            {
                yield return Line(CloudService.EventBridge, CostItem.FreeTier, null, -free, CostUnit.Events, events.SchedulerUsdPerMillionInvocations, 1_000_000, "eventbridge");
            }
        }

        if (spec.CustomEventsPerExecution > 0)
        {
            Require(events.UsdPerMillionCustomEvents, "eventbridge.usd_per_million_custom_events");
            yield return Line(CloudService.EventBridge, CostItem.CustomEvents, null, executions * (decimal)spec.CustomEventsPerExecution, CostUnit.Events, events.UsdPerMillionCustomEvents, 1_000_000, "eventbridge");
        }
    }

    private void Require(decimal figure, string key) => WorkflowCostModel.Require(prices, figure, key);
}
