namespace Lambench.LocalPlatform.Sqs;

/// <summary>
/// One local queue: messages in send order, hidden for the visibility timeout after a receive, moved to the
/// dead-letter queue when received more than maxReceiveCount times.
/// </summary>
public sealed class SqsQueue(string name, string url, string arn, int visibilityTimeoutSeconds)
{
    private readonly List<SqsMessage> messages = [];
    private readonly SemaphoreSlim arrived = new(0);

    public string Name { get; } = name;
    public string Url { get; } = url;
    public string Arn { get; } = arn;
    public int VisibilityTimeoutSeconds { get; set; } = visibilityTimeoutSeconds;
    public SqsQueue? DeadLetterQueue { get; set; }
    public int? MaxReceiveCount { get; set; }
    public long CreatedTimestampMs { get; } = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>Messages moved to the dead-letter queue from this one.</summary>
    public int MovedToDeadLetterQueue { get; private set; }

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public SqsMessage Send(string body, int delaySeconds = 0)
    {
        var message = new SqsMessage(body, Now, Now + delaySeconds * 1000L);
        lock (messages)
        {
            messages.Add(message);
        }

        arrived.Release();
        return message;
    }

    /// <summary>Receives up to <paramref name="maximum"/> visible messages, waiting up to <paramref name="wait"/> for one.</summary>
    public async Task<IReadOnlyList<SqsMessage>> ReceiveAsync(int maximum, int? visibilityTimeoutSeconds, TimeSpan wait, CancellationToken cancellation = default)
    {
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            var received = TryReceive(maximum, visibilityTimeoutSeconds ?? VisibilityTimeoutSeconds);
            var left = deadline - DateTimeOffset.UtcNow;
            if (received.Count > 0 || left <= TimeSpan.Zero)
            {
                return received;
            }

            // Woken by a send, or at least every 100 ms for messages whose visibility timeout ran out.
            await arrived.WaitAsync(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100), cancellation);
        }
    }

    private List<SqsMessage> TryReceive(int maximum, int visibilityTimeoutSeconds)
    {
        var received = new List<SqsMessage>();
        var now = Now;
        lock (messages)
        {
            foreach (var message in messages.ToList())
            {
                if (received.Count == maximum)
                {
                    break;
                }

                if (message.VisibleAtMs > now)
                {
                    continue;
                }

                if (DeadLetterQueue is not null && MaxReceiveCount is { } limit && message.ReceiveCount >= limit)
                {
                    messages.Remove(message);
                    DeadLetterQueue.Send(message.Body);
                    MovedToDeadLetterQueue++;
                    continue;
                }

                message.ReceiveCount++;
                message.FirstReceiveTimestampMs = message.FirstReceiveTimestampMs == 0 ? now : message.FirstReceiveTimestampMs;
                message.VisibleAtMs = now + visibilityTimeoutSeconds * 1000L;
                message.ReceiptHandle = Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "|" + message.MessageId;
                received.Add(message);
            }
        }

        return received;
    }

    /// <summary>Deletes by receipt handle; false when the handle is not the message's current one.</summary>
    public bool Delete(string receiptHandle)
    {
        lock (messages)
        {
            return messages.RemoveAll(m => m.ReceiptHandle == receiptHandle) > 0;
        }
    }

    public void Purge()
    {
        lock (messages)
        {
            messages.Clear();
        }
    }

    /// <summary>(visible, in flight, delayed) as the Approximate* attributes count them.</summary>
    public (int Visible, int NotVisible, int Delayed) Counts()
    {
        var now = Now;
        lock (messages)
        {
            var visible = messages.Count(m => m.VisibleAtMs <= now);
            var notVisible = messages.Count(m => m.VisibleAtMs > now && m.ReceiveCount > 0);
            return (visible, notVisible, messages.Count - visible - notVisible);
        }
    }
}
