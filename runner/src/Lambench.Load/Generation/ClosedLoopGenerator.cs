using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>
/// Virtual users, each sending a request, waiting for its answer, thinking (a time drawn uniformly between the two
/// bounds, from the seed), and sending again while its level lasts (as locust's users do). Levels run in order: user i
/// takes part while a level has more than i users. A slow server slows the users down, so the latencies of a closed
/// loop understate what an open arrival stream would meet (coordinated omission); reports say which kind of load a
/// figure comes from. Each request's intended time is its send time.
/// </summary>
public sealed class ClosedLoopGenerator(TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    public async Task<LoadResult> RunAsync(IReadOnlyList<UserLevel> levels, TimeSpan thinkMin, TimeSpan thinkMax, int seed, LoadTarget target, IProgress<LoadProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfZero(levels.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(thinkMax, thinkMin);
        var store = new RecordStore();
        var histograms = new LatencyHistograms();
        var counters = new LoadCounters();
        var start = clock.GetTimestamp();
        var execution = new RequestExecution(store, histograms, counters, target, clock, start);
        var users = levels.Max(l => l.Users);
        var stopped = false;
        try
        {
            var all = Enumerable.Range(0, users).Select(user => UserAsync(user, new Random(unchecked((seed * 7919) + user)), levels, thinkMin, thinkMax, store, execution, start, cancellation));
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            stopped = true;
        }

        var elapsed = clock.GetElapsedTime(start);
        progress?.Report(counters.Snapshot(elapsed, store.Count));
        return new LoadResult(store, histograms, elapsed, stopped, execution.Errors);
    }

    private async Task UserAsync(int user, Random random, IReadOnlyList<UserLevel> levels, TimeSpan thinkMin, TimeSpan thinkMax, RecordStore store, RequestExecution execution, long start, CancellationToken cancellation)
    {
        while (NextActive(user, levels, clock.GetElapsedTime(start)) is { } from)
        {
            cancellation.ThrowIfCancellationRequested();
            var idle = from - clock.GetElapsedTime(start);
            if (idle > TimeSpan.Zero)
            {
                // This user sits out the levels with fewer users than its number.
                await Task.Delay(idle, clock, cancellation).ConfigureAwait(false);
                continue;
            }

            long sequence;
            lock (store)
            {
                var now = execution.ElapsedUs();
                sequence = store.Add(now, now);
            }

            await execution.RunAsync(sequence, null, cancellation).ConfigureAwait(false);
            var think = thinkMin + ((thinkMax - thinkMin) * random.NextDouble());
            if (think > TimeSpan.Zero)
            {
                await Task.Delay(think, clock, cancellation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>When <paramref name="user"/> may next send: now if its level includes it, else the next level that does; null when none is left.</summary>
    private static TimeSpan? NextActive(int user, IReadOnlyList<UserLevel> levels, TimeSpan now)
    {
        var levelStart = TimeSpan.Zero;
        foreach (var level in levels)
        {
            var end = levelStart + level.Duration;
            if (now < end && level.Users > user)
            {
                return now > levelStart ? now : levelStart;
            }

            levelStart = end;
        }

        return null;
    }
}
