namespace Lambench.Load.Recording;

/// <summary>
/// One request of a load, its times in microseconds from the load's start. Intended: when the schedule said to send
/// it (for a closed-loop user, when it was sent). Sent: when the generator let it go. Completed: when the answer was
/// in. Client latency is Completed − Intended, so time a request spent waiting behind a stalled server or a full
/// outstanding cap counts (wrk2's correction for coordinated omission); service time is Completed − Sent.
/// </summary>
public struct RequestRecord
{
    public long Sequence;
    public long IntendedUs;
    public long SentUs;
    public long CompletedUs;
    public LoadOutcome Outcome;
    public string? RequestId;

    public readonly long ClientLatencyUs => CompletedUs - IntendedUs;

    public readonly long ServiceTimeUs => CompletedUs - SentUs;

    /// <summary>How late the generator sent it: its own error, not the server's.</summary>
    public readonly long SendErrorUs => SentUs - IntendedUs;
}
