namespace Lambench.Runner.Specs;

/// <summary>What the runner and the collector need to know of a channel, in one place.</summary>
public static class ChannelTraits
{
    /// <summary>The client waits for the invocation's end: client latency then contains the Duration.</summary>
    public static bool IsSynchronous(this Channel channel) => channel is Channel.Invoke or Channel.Url or Channel.Api;

    /// <summary>
    /// The answer names the invocation's request id, which its REPORT line carries. SQS invokes the function itself,
    /// and an HTTP API answers with its own id: their REPORT lines are found by the batch id the function logs.
    /// </summary>
    public static bool ReturnsRequestId(this Channel channel) => channel is Channel.Invoke or Channel.Event or Channel.Url;
}
