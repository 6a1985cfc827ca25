using Lambench.Load.Recording;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Channels;

/// <summary>
/// One way of reaching a function under test. The runner asks it, before anything runs, for what it needs of each
/// function (a URL, a queue), then sends one batch message per invoke step through it. The step is over when the
/// invocation is: a synchronous channel returns with it, an asynchronous one waits for it, so steps never overlap.
/// </summary>
public interface IInvocationChannel
{
    /// <summary>Finds what the channel needs for <paramref name="functionName"/>; a problem to report, or null.</summary>
    Task<string?> PreflightAsync(ConfigurationSpec configuration, string functionName, CancellationToken cancellation);

    /// <summary>Sends <paramref name="message"/> (a batch payload) and returns once its invocation has ended.</summary>
    Task<ChannelSend> SendAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation);

    /// <summary>
    /// One request of a load: returns as soon as the channel has answered (invoke and url: at the invocation's end;
    /// event: at the 202; sqs: when the queue has the message). Throttling is its outcome, never retried; any other
    /// failure throws and is counted as an error.
    /// </summary>
    Task<LoadResponse> SubmitAsync(ConfigurationSpec configuration, string functionName, string message, CancellationToken cancellation);
}
