using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>
/// Virtual users, each sending a request, waiting for its answer, thinking, and sending again until the duration is
/// over (as locust's users do). A slow server slows the users down, so the latencies of a closed loop understate what
/// an open arrival stream would meet (coordinated omission); reports say which kind of load a figure comes from.
/// Each request's intended time is its send time.
/// </summary>
public sealed class ClosedLoopGenerator(TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public async Task<LoadResult> RunAsync(int users, TimeSpan thinkTime, TimeSpan duration, LoadTarget target, IProgress<LoadProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(users, 1);
        var store = new RecordStore();
        var histograms = new LatencyHistograms();
        var counters = new LoadCounters();
        var start = clock.GetTimestamp();
        var execution = new RequestExecution(store, histograms, counters, target, clock, start);
        var stopped = false;
        try
        {
            await Task.WhenAll(Enumerable.Range(0, users).Select(_ => UserAsync(store, execution, thinkTime, duration, start, cancellation))).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stopped = true;
        }

        var elapsed = clock.GetElapsedTime(start);
        progress?.Report(counters.Snapshot(elapsed, store.Count));
        return new LoadResult(store, histograms, elapsed, stopped, execution.Errors);
    }

    private async Task UserAsync(RecordStore store, RequestExecution execution, TimeSpan thinkTime, TimeSpan duration, long start, CancellationToken cancellation)
    {
        while (clock.GetElapsedTime(start) < duration)
        {
            cancellation.ThrowIfCancellationRequested();
            long sequence;
            lock (store)
            {
                var now = execution.ElapsedUs();
                sequence = store.Add(now, now);
            }

            await execution.RunAsync(sequence, null, cancellation).ConfigureAwait(false);
            if (thinkTime > TimeSpan.Zero)
            {
                await Task.Delay(thinkTime, clock, cancellation).ConfigureAwait(false);
            }
        }
    }
}
