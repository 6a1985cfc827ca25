namespace Lambench.Load.Generation;

/// <summary>A load under way: how far into it, requests sent, completed and outstanding, errors and throttles so far.</summary>
public readonly record struct LoadProgress(TimeSpan Elapsed, long Sent, long Completed, long Errors, long Throttles)
{
    public long Outstanding => Sent - Completed;
}
