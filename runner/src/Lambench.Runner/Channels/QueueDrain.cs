using Lambench.Runner.Execution;

namespace Lambench.Runner.Channels;

/// <summary>
/// The wait until a queued channel's queue has drained: no message, visible or in flight, at two samples in a row
/// (the counts are approximate on AWS), sampled every interval. The step's SQS send and a load's
/// queue sampler both wait this way.
/// </summary>
public static class QueueDrain
{
    /// <param name="onSample">each sample's visible and in-flight counts, as taken.</param>
    /// <param name="notDrained">the error's message, given the messages left, when <paramref name="timeout"/> has passed.</param>
    /// <returns>the time from the call to the sample that found the queue drained.</returns>
    /// <exception cref="RunException">the queue still held messages after <paramref name="timeout"/>.</exception>
    /// <param name="waitFirst">wait an interval before the first sample: right after a send, SQS's approximate counts
    /// may not show the message yet.</param>
    public static async Task<TimeSpan> WaitAsync(IQueuedChannel queue, string functionName, TimeSpan interval, TimeSpan timeout, TimeProvider clock,
        Action<long, long>? onSample, Func<long, string> notDrained, CancellationToken cancellation, bool waitFirst = false)
    {
        var start = clock.GetTimestamp();
        var emptyInARow = 0;
        if (waitFirst)
        {
            await Task.Delay(interval, clock, cancellation);
        }

        while (true)
        {
            var (visible, inFlight) = await queue.DepthAsync(functionName, cancellation);
            onSample?.Invoke(visible, inFlight);
            var elapsed = clock.GetElapsedTime(start);
            emptyInARow = visible + inFlight == 0 ? emptyInARow + 1 : 0;
            if (emptyInARow == 2)
            {
                return elapsed;
            }

            if (elapsed > timeout)
            {
                throw new RunException(notDrained(visible + inFlight));
            }

            await Task.Delay(interval, clock, cancellation);
        }
    }
}
