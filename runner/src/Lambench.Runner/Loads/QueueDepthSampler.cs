using System.Globalization;
using Lambench.Core.Csv;
using Lambench.Runner.Channels;
using Lambench.Runner.Execution;

namespace Lambench.Runner.Loads;

/// <summary>
/// Samples a queued channel's depth while a load runs and until its queue has drained (empty twice in a row, the
/// counts being approximate on AWS): loads/&lt;batch id&gt;.queue.csv, and the drain time after the last send.
/// </summary>
internal sealed class QueueDepthSampler(IQueuedChannel queue, string functionName, TimeSpan interval, TimeSpan drainTimeout, TimeProvider clock) : IDisposable
{
    private readonly List<(double ElapsedS, long Visible, long InFlight)> samples = [];
    private readonly CancellationTokenSource sending = new();

    /// <summary>Samples until <see cref="SendsEnded"/> is called and the queue is empty.</summary>
    public async Task<string> RunAsync(CancellationToken cancellation)
    {
        var start = clock.GetTimestamp();
        void Add(long visible, long inFlight) => samples.Add((clock.GetElapsedTime(start).TotalSeconds, visible, inFlight));
        while (!sending.IsCancellationRequested)
        {
            var (visible, inFlight) = await queue.DepthAsync(functionName, cancellation);
            Add(visible, inFlight);
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellation, sending.Token);
            try
            {
                await Task.Delay(interval, clock, either.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                // The sends ended: the drain samples at once, so it is timed from the last send.
            }
        }

        var drained = await QueueDrain.WaitAsync(queue, functionName, interval, drainTimeout, clock, Add,
            left => string.Create(CultureInfo.InvariantCulture, $"the queue of {functionName} did not drain within {drainTimeout.TotalSeconds:F0} s of the load's last send (protocol.drain_timeout_s); {left} message(s) left"), cancellation);
        var deepest = samples.Max(s => s.Visible + s.InFlight);
        return string.Create(CultureInfo.InvariantCulture, $"queue drained {drained.TotalSeconds:F1} s after the last send, {deepest:N0} message(s) at its deepest");
    }

    public void SendsEnded() => sending.Cancel();

    public void Dispose() => sending.Dispose();

    public void Write(string path) => AtomicFile.Write(path, writer =>
    {
        writer.Write("elapsed_s,visible_messages,in_flight_messages\n");
        foreach (var (elapsed, visible, inFlight) in samples)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{elapsed:0.###},{visible},{inFlight}\n"));
        }
    });
}
