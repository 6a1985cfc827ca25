namespace Lambench.Runner.Channels;

/// <summary>
/// What a send returned. <see cref="RequestId"/>: the invocation's, which its REPORT line carries; null where the
/// channel cannot know it (SQS invokes the function itself), and the REPORT line is then found by the batch id the
/// function logs. <see cref="Detail"/>: what the journal should say (a function error, a drain time).
/// </summary>
public sealed record ChannelSend(string? RequestId, string? Detail);
