namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// The platform's concurrency limit, as an AWS account's: invocations in flight across all functions. AWS answers
/// one more with 429 TooManyRequestsException (ConcurrentInvocationLimitExceeded); the platform does the same, at
/// <see cref="Limit"/> (LocalPlatformOptions.MaxConcurrency, `local serve --max-concurrency`), because a machine's
/// cores and memory, not AWS's 1,000, bound what runs here.
/// </summary>
public sealed class ConcurrencyLimit(int limit)
{
    private readonly object gate = new();
    private int inFlight;

    public int Limit { get; } = limit > 0 ? limit : throw new ArgumentOutOfRangeException(nameof(limit), limit, "the concurrency limit is at least 1");

    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return inFlight;
            }
        }
    }

    /// <summary>Takes one slot; false when all are taken.</summary>
    public bool TryTake()
    {
        lock (gate)
        {
            if (inFlight >= Limit)
            {
                return false;
            }

            inFlight++;
            return true;
        }
    }

    public void Release()
    {
        lock (gate)
        {
            inFlight = Math.Max(0, inFlight - 1);
        }
    }
}
