using System.Diagnostics;

namespace Lambench.LocalPlatform.Functions;

/// <summary>An invocation handed to an environment: the event, its deadline, and how it ended.</summary>
internal sealed class PendingInvocation(string requestId, byte[] payload, DateTimeOffset deadline)
{
    public string RequestId { get; } = requestId;
    public byte[] Payload { get; } = payload;
    public DateTimeOffset Deadline { get; } = deadline;

    /// <summary>Stopwatch time when the runtime received the event (its /next returned): where Duration starts.</summary>
    public long HandedOverTimestamp { get; set; }

    /// <summary>Stopwatch time when the runtime posted the response or error: where Duration ends.</summary>
    public long CompletedTimestamp { get; private set; }

    /// <summary>
    /// The wall-clock time of <see cref="CompletedTimestamp"/>; null until then. Lines read after it were written before
    /// it (the handler printed them before it answered), so they, END and REPORT are stamped no later than this.
    /// </summary>
    public DateTimeOffset? CompletedUtc { get; private set; }

    /// <summary>
    /// Set when the runtime's output-end line for this invocation has been read from its stdout and its stderr: every
    /// line the handler wrote before it is in the log stream by then, ahead of END and REPORT, as on AWS.
    /// </summary>
    public TaskCompletionSource OutputDrained { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private int markersSeen;

    /// <summary>One stream's output-end line was read; the second sets <see cref="OutputDrained"/>.</summary>
    public void OutputEnded()
    {
        if (Interlocked.Increment(ref markersSeen) == 2)
        {
            OutputDrained.TrySetResult();
        }
    }

    public TaskCompletionSource<(byte[] Body, string? ErrorType)> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Complete(byte[] body, string? errorType)
    {
        if (Completion.Task.IsCompleted)
        {
            return;
        }

        CompletedTimestamp = Stopwatch.GetTimestamp();
        CompletedUtc = DateTimeOffset.UtcNow;
        Completion.TrySetResult((body, errorType));
    }
}
