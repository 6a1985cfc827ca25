using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Lambench.LocalPlatform.Template;

namespace Lambench.LocalPlatform.Sqs;

/// <summary>
/// The local SQS: queues by name and the operations the runner uses, on requests and results in the JSON protocol's
/// shapes (the query protocol is translated to and from them by <see cref="SqsQueryProtocol"/>).
/// </summary>
public sealed class SqsService(string baseUrl)
{
    private readonly ConcurrentDictionary<string, SqsQueue> queues = new(StringComparer.Ordinal);

    public IReadOnlyCollection<SqsQueue> Queues => queues.Values.ToList();

    public SqsQueue? Find(string name) => queues.GetValueOrDefault(name);

    public SqsQueue Create(string name, int visibilityTimeoutSeconds = 30) =>
        queues.GetOrAdd(name, n => new SqsQueue(n, $"{baseUrl.TrimEnd('/')}/{TemplateReader.AccountId}/{n}", $"arn:aws:sqs:us-east-1:{TemplateReader.AccountId}:{n}", visibilityTimeoutSeconds));

    public async Task<JsonObject> HandleAsync(string operation, JsonObject request, CancellationToken cancellation)
    {
        switch (operation)
        {
            case "CreateQueue":
            {
                var name = Text(request, "QueueName") ?? throw SqsException.Missing("QueueName");
                if (name.Length is 0 or > 80 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                {
                    throw SqsException.Invalid("Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length");
                }

                var queue = Create(name);
                if (request["Attributes"] is JsonObject attributes)
                {
                    SetAttributes(queue, attributes);
                }

                return new JsonObject { ["QueueUrl"] = queue.Url };
            }

            case "GetQueueUrl":
                return new JsonObject { ["QueueUrl"] = (Find(Text(request, "QueueName") ?? throw SqsException.Missing("QueueName")) ?? throw SqsException.NoQueue()).Url };
            case "ListQueues":
                var prefix = Text(request, "QueueNamePrefix") ?? string.Empty;
                return new JsonObject { ["QueueUrls"] = new JsonArray(queues.Values.Where(q => q.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(q => q.Name, StringComparer.Ordinal).Select(q => (JsonNode)q.Url).ToArray()) };
            case "SendMessage":
            {
                var message = Queue(request).Send(Body(request), Integer(request, "DelaySeconds") ?? 0);
                return new JsonObject { ["MessageId"] = message.MessageId, ["MD5OfMessageBody"] = message.Md5OfBody };
            }

            case "SendMessageBatch":
            {
                var queue = Queue(request);
                var entries = request["Entries"] as JsonArray ?? throw SqsException.Missing("Entries");
                if (entries.Count is 0 or > 10)
                {
                    throw new SqsException("com.amazonaws.sqs#TooManyEntriesInBatchRequest", "AWS.SimpleQueueService.TooManyEntriesInBatchRequest", $"Maximum number of entries per request are 10. You have sent {entries.Count}.");
                }

                var successful = new JsonArray();
                foreach (var entry in entries.OfType<JsonObject>())
                {
                    var message = queue.Send(Body(entry), Integer(entry, "DelaySeconds") ?? 0);
                    successful.Add(new JsonObject { ["Id"] = Text(entry, "Id"), ["MessageId"] = message.MessageId, ["MD5OfMessageBody"] = message.Md5OfBody });
                }

                return new JsonObject { ["Successful"] = successful, ["Failed"] = new JsonArray() };
            }

            case "ReceiveMessage":
            {
                var queue = Queue(request);
                var maximum = Integer(request, "MaxNumberOfMessages") ?? 1;
                if (maximum is < 1 or > 10)
                {
                    throw SqsException.Invalid($"Value {maximum} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.");
                }

                var wait = Integer(request, "WaitTimeSeconds") ?? 0;
                var received = await queue.ReceiveAsync(maximum, Integer(request, "VisibilityTimeout"), TimeSpan.FromSeconds(Math.Clamp(wait, 0, 20)), cancellation);
                return new JsonObject { ["Messages"] = new JsonArray(received.Select(m => (JsonNode)Record(m)).ToArray()) };
            }

            case "DeleteMessage":
            {
                var handle = Text(request, "ReceiptHandle") ?? throw SqsException.Missing("ReceiptHandle");
                if (!Queue(request).Delete(handle) && !handle.Contains('|', StringComparison.Ordinal))
                {
                    throw new SqsException("com.amazonaws.sqs#ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid", $"The input receipt handle \"{handle}\" is not a valid receipt handle.");
                }

                return [];
            }

            case "PurgeQueue":
                Queue(request).Purge();
                return [];
            case "GetQueueAttributes":
                return new JsonObject { ["Attributes"] = Attributes(Queue(request), (request["AttributeNames"] as JsonArray)?.Select(n => (string)n!).ToList() ?? ["All"]) };
            case "SetQueueAttributes":
                SetAttributes(Queue(request), request["Attributes"] as JsonObject ?? throw SqsException.Missing("Attributes"));
                return [];
            default:
                throw new SqsException("com.amazonaws.sqs#UnsupportedOperation", "AWS.SimpleQueueService.UnsupportedOperation", $"{operation} is not implemented by the local platform");
        }
    }

    /// <summary>A received message in the JSON protocol's shape, with the system attributes AWS returns.</summary>
    public static JsonObject Record(SqsMessage message) => new()
    {
        ["MessageId"] = message.MessageId,
        ["ReceiptHandle"] = message.ReceiptHandle,
        ["MD5OfBody"] = message.Md5OfBody,
        ["Body"] = message.Body,
        ["Attributes"] = new JsonObject
        {
            ["ApproximateReceiveCount"] = message.ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["SentTimestamp"] = message.SentTimestampMs.ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] = message.FirstReceiveTimestampMs.ToString(CultureInfo.InvariantCulture),
            ["SenderId"] = TemplateReader.AccountId,
        },
    };

    private JsonObject Attributes(SqsQueue queue, IReadOnlyList<string> names)
    {
        var (visible, notVisible, delayed) = queue.Counts();
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QueueArn"] = queue.Arn,
            ["ApproximateNumberOfMessages"] = visible.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesNotVisible"] = notVisible.ToString(CultureInfo.InvariantCulture),
            ["ApproximateNumberOfMessagesDelayed"] = delayed.ToString(CultureInfo.InvariantCulture),
            ["VisibilityTimeout"] = queue.VisibilityTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["CreatedTimestamp"] = (queue.CreatedTimestampMs / 1000).ToString(CultureInfo.InvariantCulture),
        };
        if (queue.DeadLetterQueue is not null)
        {
            all["RedrivePolicy"] = new JsonObject { ["deadLetterTargetArn"] = queue.DeadLetterQueue.Arn, ["maxReceiveCount"] = queue.MaxReceiveCount }.ToJsonString();
        }

        var result = new JsonObject();
        foreach (var (name, value) in all.Where(a => names.Contains("All") || names.Contains(a.Key)))
        {
            result[name] = value;
        }

        return result;
    }

    private void SetAttributes(SqsQueue queue, JsonObject attributes)
    {
        foreach (var (name, node) in attributes)
        {
            var value = node?.ToString() ?? string.Empty;
            switch (name)
            {
                case "VisibilityTimeout":
                    queue.VisibilityTimeoutSeconds = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 43200
                        ? seconds : throw SqsException.Invalid($"Invalid value for the parameter VisibilityTimeout.");
                    break;
                case "RedrivePolicy":
                    var policy = JsonNode.Parse(value) as JsonObject ?? throw SqsException.Invalid("Invalid value for the parameter RedrivePolicy.");
                    var target = ((string?)policy["deadLetterTargetArn"])?.Split(':').Last() ?? throw SqsException.Invalid("Value for parameter RedrivePolicy is invalid. Reason: Redrive policy does not contain deadLetterTargetArn.");
                    queue.DeadLetterQueue = Find(target) ?? throw SqsException.Invalid($"Value {value} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.");
                    queue.MaxReceiveCount = int.Parse(policy["maxReceiveCount"]!.ToString(), CultureInfo.InvariantCulture);
                    break;
                default:
                    // Other attributes (retention, delay, policy) are accepted and have no local effect.
                    break;
            }
        }
    }

    private SqsQueue Queue(JsonObject request)
    {
        var url = Text(request, "QueueUrl") ?? throw SqsException.Missing("QueueUrl");
        return Find(url.TrimEnd('/').Split('/').Last()) ?? throw SqsException.NoQueue();
    }

    private static string Body(JsonObject request)
    {
        var body = Text(request, "MessageBody") ?? throw SqsException.Missing("MessageBody");
        return body.Length == 0 ? throw SqsException.Invalid("The request must contain the parameter MessageBody.")
            : System.Text.Encoding.UTF8.GetByteCount(body) > 262144 ? throw SqsException.Invalid("One or more parameters are invalid. Reason: Message must be shorter than 262144 bytes.")
            : body;
    }

    private static string? Text(JsonObject request, string name) => request[name]?.ToString();

    private static int? Integer(JsonObject request, string name) =>
        request[name] is null ? null
        : int.TryParse(request[name]!.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : throw SqsException.Invalid($"Value {request[name]} for parameter {name} is invalid.");
}
