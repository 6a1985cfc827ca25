using Microsoft.Extensions.Time.Testing;

namespace Lambench.Load.Tests;

/// <summary>Drives a fake clock in small steps until a load ends.</summary>
internal static class FakeClock
{
    /// <summary>
    /// Starts the load with no synchronization context, so that each continuation runs inline on the thread that
    /// advances the clock: every timer due at a step, and everything it releases, runs before the next step.
    /// </summary>
    public static async Task<T> DriveAsync<T>(FakeTimeProvider clock, Func<Task<T>> start, TimeSpan step, TimeSpan limit)
    {
        // The continuations run inline only where no synchronization context is current (xunit's would queue them).
        var context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        Task<T> task;
        try
        {
            task = start();
            var end = clock.GetUtcNow() + limit;
            while (!task.IsCompleted)
            {
                // A cancellation's continuations may still go through the thread pool: they run before time moves on.
                SpinWait.SpinUntil(() => task.IsCompleted || ThreadPool.PendingWorkItemCount == 0, 1000);
                Assert.True(task.IsCompleted || clock.GetUtcNow() < end || task.Wait(TimeSpan.FromSeconds(5)), "the load did not end within its fake time limit");
                if (!task.IsCompleted)
                {
                    clock.Advance(step);
                }
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }

        return await task;
    }
}
