namespace Lambench.LocalPlatform.Sqs;

/// <summary>A message in a local queue: its body, when it becomes visible again, and how often it was received.</summary>
public sealed class SqsMessage(string body, long sentTimestampMs, long visibleAtMs)
{
    public string MessageId { get; } = Guid.NewGuid().ToString();
    public string Body { get; } = body;
    public string Md5OfBody { get; } = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
    public long SentTimestampMs { get; } = sentTimestampMs;
    public long VisibleAtMs { get; set; } = visibleAtMs;
    public int ReceiveCount { get; set; }
    public long FirstReceiveTimestampMs { get; set; }

    /// <summary>Changes at every receive: an old handle can no longer delete the message, as on AWS.</summary>
    public string? ReceiptHandle { get; set; }
}
