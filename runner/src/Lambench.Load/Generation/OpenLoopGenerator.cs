using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>
/// Sends requests at the times a schedule fixed beforehand, whatever the server does, as wrk2 does: a request is never
/// held back because an earlier one is slow, except by the cap on outstanding requests, and then its latency still
/// counts from its intended time. On the system clock the generator sleeps until just before each send and spins the
/// rest, on a thread of its own, so its send error stays well under a millisecond; on another TimeProvider (a test's
/// fake clock) it waits with that provider's timers.
/// </summary>
public sealed class OpenLoopGenerator(TimeProvider? time = null)
{
    /// <summary>How long before a send the generator stops sleeping and spins (sleeps wake up to ~0.1 ms late).</summary>
    private static readonly TimeSpan SpinWindow = TimeSpan.FromMilliseconds(0.3);

    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>How often progress is reported while requests are being sent.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <param name="arrivals">intended send times, offsets from the start, in order (<see cref="Arrivals.ArrivalSchedule"/>).</param>
    /// <param name="maxOutstanding">requests sent and not yet answered at most; one more waits for a slot.</param>
    /// <param name="target">sends one request.</param>
    /// <param name="progress">told every <see cref="ProgressInterval"/>.</param>
    /// <param name="cancellation">stops sending; the requests out are awaited, and the result says it was stopped.</param>
    public Task<LoadResult> RunAsync(IEnumerable<TimeSpan> arrivals, int maxOutstanding, LoadTarget target, IProgress<LoadProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutstanding, 1);
        return IsSystemClock
            ? Task.Factory.StartNew(() => SendAllAsync(arrivals, maxOutstanding, target, progress, cancellation), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
            : SendAllAsync(arrivals, maxOutstanding, target, progress, cancellation);
    }

    private bool IsSystemClock => ReferenceEquals(clock, TimeProvider.System);

    private async Task<LoadResult> SendAllAsync(IEnumerable<TimeSpan> arrivals, int maxOutstanding, LoadTarget target, IProgress<LoadProgress>? progress, CancellationToken cancellation)
    {
        var store = new RecordStore();
        var histograms = new LatencyHistograms();
        var counters = new LoadCounters();
        var slots = new OutstandingGate(maxOutstanding);
        var start = clock.GetTimestamp();
        var execution = new RequestExecution(store, histograms, counters, target, clock, start);
        var nextProgress = ProgressInterval;
        var stopped = false;
        try
        {
            foreach (var due in arrivals)
            {
                await WaitUntilAsync(due, start, cancellation).ConfigureAwait(false);
                await slots.TakeAsync(cancellation).ConfigureAwait(false);
                var sequence = store.Add(RequestExecution.ToUs(due), execution.ElapsedUs());
                // Off the generator's thread on the system clock: a send's own synchronous work (signing, for one) must
                // not delay the next. On a fake clock it runs inline, so a test's clock drives every step in order.
                _ = IsSystemClock ? Task.Run(() => execution.RunAsync(sequence, slots, cancellation), CancellationToken.None) : execution.RunAsync(sequence, slots, cancellation);
                if (progress is not null && clock.GetElapsedTime(start) >= nextProgress)
                {
                    progress.Report(counters.Snapshot(clock.GetElapsedTime(start), store.Count));
                    nextProgress += ProgressInterval;
                }
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stopped = true;
        }

        // Every slot back: every request sent has its answer (or its error).
        await slots.DrainAsync().ConfigureAwait(false);

        var elapsed = clock.GetElapsedTime(start);
        progress?.Report(counters.Snapshot(elapsed, store.Count));
        return new LoadResult(store, histograms, elapsed, stopped, execution.Errors);
    }

    private async ValueTask WaitUntilAsync(TimeSpan due, long start, CancellationToken cancellation)
    {
        var remaining = due - clock.GetElapsedTime(start);
        if (remaining <= TimeSpan.Zero)
        {
            return;
        }

        if (!IsSystemClock)
        {
            await Task.Delay(remaining, clock, cancellation).ConfigureAwait(false);
            return;
        }

        if (remaining > SpinWindow)
        {
            cancellation.WaitHandle.WaitOne(remaining - SpinWindow);
            cancellation.ThrowIfCancellationRequested();
        }

        var spinner = default(SpinWait);
        while (clock.GetElapsedTime(start) < due)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
