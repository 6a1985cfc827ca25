using System.Text;
using System.Text.Json.Nodes;
using Lambench.LocalPlatform.Functions;

namespace Lambench.LocalPlatform.Sqs;

/// <summary>
/// An SQS trigger as Lambda runs it: pollers (as many as ScalingConfig.MaximumConcurrency, else 5) receive batches,
/// invoke the function synchronously, and delete the messages on success. A failed or throttled invocation leaves
/// its messages to reappear after the visibility timeout (redelivery), and the queue's redrive policy moves them to
/// the dead-letter queue in the end, as on AWS.
/// </summary>
public sealed class EventSourceMapping : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task[] pollers;
    private long invocations, errors, throttles;

    public EventSourceMapping(SqsQueue queue, FunctionHost function, int batchSize, int? maximumConcurrency)
    {
        Queue = queue;
        Function = function;
        BatchSize = batchSize;
        pollers = Enumerable.Range(0, maximumConcurrency ?? 5).Select(_ => Task.Run(() => PollAsync(stop.Token))).ToArray();
    }

    public SqsQueue Queue { get; }
    public FunctionHost Function { get; }
    public int BatchSize { get; }
    public string Uuid { get; } = Guid.NewGuid().ToString();

    public long Invocations => Interlocked.Read(ref invocations);
    public long Errors => Interlocked.Read(ref errors);

    /// <summary>Invocations refused for lack of concurrency: their messages are redelivered later.</summary>
    public long Throttles => Interlocked.Read(ref throttles);

    private async Task PollAsync(CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            try
            {
                var messages = await Queue.ReceiveAsync(BatchSize, null, TimeSpan.FromSeconds(1), cancellation);
                if (messages.Count == 0)
                {
                    continue;
                }

                var records = new JsonArray(messages.Select(m =>
                {
                    var record = SqsService.Record(m);
                    return (JsonNode)new JsonObject
                    {
                        ["messageId"] = m.MessageId,
                        ["receiptHandle"] = m.ReceiptHandle,
                        ["body"] = m.Body,
                        ["attributes"] = record["Attributes"]!.DeepClone(),
                        ["messageAttributes"] = new JsonObject(),
                        ["md5OfBody"] = m.Md5OfBody,
                        ["eventSource"] = "aws:sqs",
                        ["eventSourceARN"] = Queue.Arn,
                        ["awsRegion"] = LocalPlatform.Region,
                    };
                }).ToArray());
                var payload = Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString());
                Interlocked.Increment(ref invocations);
                var outcome = await Function.InvokeAsync(payload, cancellation);
                if (outcome.FunctionError is null)
                {
                    foreach (var message in messages)
                    {
                        Queue.Delete(message.ReceiptHandle!);
                    }
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (LambdaServiceException e) when (e.StatusCode == 429)
            {
                Interlocked.Increment(ref throttles);
                await Task.Delay(100, cancellation);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                return;
            }
            catch (LambdaServiceException)
            {
                Interlocked.Increment(ref errors);
                await Task.Delay(1000, cancellation);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(pollers);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
