using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;
using Lambench.Load.Recording;
using Lambench.Runner.Aws;
using Lambench.Runner.Execution;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>
/// The function's queue (the writer's, or the sleep function's intake): one message, then a wait until the queue holds none, visible or in flight, twice in a row (the
/// counts are approximate on AWS). One message at a time is how the SQS reserved-concurrency trap is avoided. The
/// function logs the batch id with its request id: that is how its REPORT line is found.
/// </summary>
public sealed class SqsChannel(IAmazonSQS sqs, string stackName, Workload workload, TimeSpan pollInterval, TimeSpan timeout, TimeProvider? time = null) : IInvocationChannel, IQueuedChannel
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly Dictionary<string, string> queueUrls = new(StringComparer.Ordinal);

    public async Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation)
    {
        var queue = configuration.QueueName(stackName, workload)!;
        try
        {
            queueUrls[functionName] = (await sqs.GetQueueUrlAsync(queue, cancellation)).QueueUrl;
            return null;
        }
        catch (Exception e) when (e is AwsServiceException or Amazon.Runtime.AmazonServiceException)
        {
            return $"{functionName}: its queue {queue} was not found ({e.Message})";
        }
    }

    public async Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        var queueUrl = queueUrls[functionName];
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrl, MessageBody = message }, cancellation);
        var drained = await QueueDrain.WaitAsync(this, functionName, pollInterval, timeout, clock, null,
            left => string.Create(CultureInfo.InvariantCulture, $"{queueUrl} did not drain within {timeout.TotalSeconds:F0} s (protocol.drain_timeout_s), {left} message(s) left; is its trigger enabled?"), cancellation, waitFirst: true);
        return new ChannelSend(null, string.Create(CultureInfo.InvariantCulture, $"queue drained in {drained.TotalSeconds:F1} s"));
    }

    public async Task<(long Visible, long InFlight)> DepthAsync(string functionName, CancellationToken cancellation)
    {
        var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
        {
            QueueUrl = queueUrls[functionName],
            AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        }, cancellation);
        long Count(string name) => attributes.Attributes?.TryGetValue(name, out var value) == true ? long.Parse(value, CultureInfo.InvariantCulture) : 0;
        return (Count("ApproximateNumberOfMessages"), Count("ApproximateNumberOfMessagesNotVisible"));
    }

    /// <summary>
    /// Accepted is the answer: the queue has the message, the trigger invokes the function later, and the function's
    /// batch id finds its REPORT line at collection. The SDK's client retries SQS's own throttling, which is rare.
    /// </summary>
    public async Task<LoadResponse> SubmitAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation)
    {
        await sqs.SendMessageAsync(new SendMessageRequest { QueueUrl = queueUrls[functionName], MessageBody = message }, cancellation);
        return new LoadResponse(LoadOutcome.Ok);
    }
}
