using Lambench.Runner.Channels;
using Lambench.Runner.Execution;
using Microsoft.Extensions.Time.Testing;

namespace Lambench.Runner.Tests;

/// <summary>The drain wait on a fake clock: samples at once, then every interval, until two in a row find no message.</summary>
public sealed class QueueDrainTests
{
    private sealed class ScriptedQueue(params long[] depths) : IQueuedChannel
    {
        private int next;

        public Task<(long Visible, long InFlight)> DepthAsync(string functionName, CancellationToken cancellation) =>
            Task.FromResult((depths[Math.Min(next++, depths.Length - 1)], 0L));
    }

    /// <summary>Advances the fake clock by <paramref name="step"/> until <paramref name="task"/> ends (its delays then fire).</summary>
    private static async Task<T> DriveAsync<T>(FakeTimeProvider clock, TimeSpan step, Task<T> task)
    {
        for (var i = 0; i < 1000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            clock.Advance(step);
        }

        return await task;
    }

    [Fact]
    public async Task The_queue_is_drained_at_the_second_empty_sample_in_a_row_and_a_refill_between_resets_the_count()
    {
        var clock = new FakeTimeProvider();
        var samples = new List<long>();
        var interval = TimeSpan.FromSeconds(1);
        // Samples 3, 0, 2 (a redelivery), 0, 0, an interval apart: drained at the fifth, four intervals after the call
        // (at least: the fake clock is driven from outside, and a sample may read it one step late).
        var drained = await DriveAsync(clock, interval, QueueDrain.WaitAsync(new ScriptedQueue(3, 0, 2, 0, 0), "f", interval, TimeSpan.FromMinutes(1), clock,
            (visible, inFlight) => samples.Add(visible + inFlight), left => $"{left} left", CancellationToken.None));
        Assert.Equal([3, 0, 2, 0, 0], samples);
        Assert.True(drained >= TimeSpan.FromSeconds(4), $"{drained}");
    }

    [Fact]
    public async Task A_queue_that_never_drains_is_an_error_naming_what_is_left_once_the_timeout_has_passed()
    {
        var clock = new FakeTimeProvider();
        var interval = TimeSpan.FromSeconds(1);
        var error = await Assert.ThrowsAsync<RunException>(() => DriveAsync(clock, interval, QueueDrain.WaitAsync(new ScriptedQueue(7), "f", interval, TimeSpan.FromSeconds(3), clock,
            null, left => $"{left} message(s) left", CancellationToken.None)));
        Assert.Equal("7 message(s) left", error.Message);
    }
}
