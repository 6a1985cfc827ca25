namespace Lambench.Runner.Channels;

/// <summary>A channel with a queue in front of the function (SQS): its depth can be sampled while a load drains.</summary>
public interface IQueuedChannel
{
    /// <summary>Messages waiting (visible) and being processed (in flight) in the function's queue; approximate on AWS.</summary>
    Task<(long Visible, long InFlight)> DepthAsync(string functionName, CancellationToken cancellation);
}
