namespace Lambench.Load.Generation;

/// <summary>
/// The cap on outstanding requests. Unlike SemaphoreSlim, a released slot goes straight to the waiting generator on the
/// releasing thread (no hop through the thread pool), so on a fake clock every step runs in order, and on the real
/// one the generator loses no time to a queue.
/// </summary>
internal sealed class OutstandingGate(int slots)
{
    private readonly int capacity = slots;
    private readonly object sync = new();
    private int free = slots;
    private TaskCompletionSource? waiter;
    private TaskCompletionSource? drained;

    /// <summary>Takes a slot, waiting for one if all are taken (one waiter at a time: the generator).</summary>
    public Task TakeAsync(CancellationToken cancellation)
    {
        lock (sync)
        {
            if (free > 0)
            {
                free--;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource();
            var pending = waiter;
            cancellation.Register(() => pending.TrySetCanceled(cancellation));
            return pending.Task;
        }
    }

    public void Release()
    {
        TaskCompletionSource? wake = null;
        lock (sync)
        {
            if (waiter is { Task.IsCompleted: false })
            {
                // The slot passes to the waiter: free stays as it is.
                (wake, waiter) = (waiter, null);
            }
            else
            {
                free++;
                if (free == capacity)
                {
                    (wake, drained) = (drained, null);
                }
            }
        }

        wake?.TrySetResult();
    }

    /// <summary>Completes when every slot is free again: every request sent has been answered.</summary>
    public Task DrainAsync()
    {
        lock (sync)
        {
            if (free == capacity)
            {
                return Task.CompletedTask;
            }

            drained = new TaskCompletionSource();
            return drained.Task;
        }
    }
}
