namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// One function's execution environments: reused while warm, retired on a configuration change, evicted when idle.
/// Concurrency is exact under any interleaving: an invocation's slot (reserved concurrency, the platform's limit) is
/// taken under the lock, before the await that starts a new environment, and counted until it is released.
/// </summary>
internal sealed class EnvironmentPool(EnvironmentRegistry registry, ConcurrencyLimit platformLimit) : IDisposable
{
    private readonly object gate = new();
    private readonly List<ExecutionEnvironment> environments = [];
    private int starting;

    /// <summary>Environments alive now, busy or idle, and those being started.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return environments.Count + starting;
            }
        }
    }

    /// <summary>Invocations running now, those of environments still starting included.</summary>
    public int InFlight
    {
        get
        {
            lock (gate)
            {
                return environments.Count(e => e.Busy) + starting;
            }
        }
    }

    /// <summary>
    /// Takes a slot for one invocation of <paramref name="current"/>: an idle environment of its revision (returned),
    /// or the right to start one (null returned: call <see cref="Started"/> or <see cref="StartFailed"/>).
    /// </summary>
    /// <exception cref="LambdaServiceException">429, as AWS answers: reserved concurrency or the platform's limit reached.</exception>
    public ExecutionEnvironment? Acquire(FunctionState current)
    {
        RemoveDead();
        lock (gate)
        {
            // Reserved concurrency caps invocations in flight, those of environments still starting included: 0 throttles everything.
            if (current.ReservedConcurrency is { } reserved && environments.Count(e => e.Busy) + starting >= reserved)
            {
                throw Throttle("ReservedFunctionConcurrentInvocationLimitExceeded");
            }

            if (!platformLimit.TryTake())
            {
                throw Throttle("ConcurrentInvocationLimitExceeded");
            }

            var idle = environments.FirstOrDefault(e => !e.Busy && !e.Retired && !e.HasExited && e.State.RevisionId == current.RevisionId);
            if (idle is not null)
            {
                idle.Busy = true;
                return idle;
            }

            starting++;
            return null;
        }
    }

    /// <summary>A new environment, started for the slot <see cref="Acquire"/> gave, busy with its first invocation.</summary>
    public void Started(ExecutionEnvironment environment)
    {
        environment.Busy = true;
        registry.Add(environment);
        lock (gate)
        {
            starting--;
            environments.Add(environment);
        }
    }

    /// <summary>The environment for an acquired slot could not be started: the slot is given back.</summary>
    public void StartFailed()
    {
        lock (gate)
        {
            starting--;
        }

        platformLimit.Release();
    }

    /// <summary>The invocation is over: the environment is idle again, or removed when it must not be reused.</summary>
    public void Release(ExecutionEnvironment environment, string currentRevision, bool replace)
    {
        bool remove;
        lock (gate)
        {
            environment.Busy = false;
            environment.LastUsed = DateTimeOffset.UtcNow;
            remove = replace || environment.Retired || environment.State.RevisionId != currentRevision || environment.HasExited;
        }

        platformLimit.Release();
        if (remove)
        {
            Remove(environment);
        }
    }

    /// <summary>A configuration change: idle environments stop now, busy ones when their invocation ends.</summary>
    public void RetireAll()
    {
        List<ExecutionEnvironment> idle;
        lock (gate)
        {
            idle = environments.Where(e => !e.Busy).ToList();
            foreach (var environment in environments)
            {
                environment.Retired = true;
            }
        }

        idle.ForEach(Remove);
    }

    /// <summary>Stops environments idle for longer than <paramref name="idleTimeout"/>.</summary>
    public void EvictIdle(DateTimeOffset now, TimeSpan idleTimeout)
    {
        List<ExecutionEnvironment> idle;
        lock (gate)
        {
            idle = environments.Where(e => !e.Busy && now - e.LastUsed > idleTimeout).ToList();
        }

        idle.ForEach(Remove);
    }

    /// <summary>An idle process that died between invocations must not count against the concurrency cap.</summary>
    private void RemoveDead()
    {
        List<ExecutionEnvironment> dead;
        lock (gate)
        {
            dead = environments.Where(e => !e.Busy && e.HasExited).ToList();
        }

        dead.ForEach(Remove);
    }

    private void Remove(ExecutionEnvironment environment)
    {
        lock (gate)
        {
            if (!environments.Remove(environment))
            {
                return;
            }
        }

        registry.Remove(environment.Id);
        environment.Dispose();
    }

    private static LambdaServiceException Throttle(string reason) => new(429, "TooManyRequestsException", "Rate Exceeded.", reason);

    public void Dispose()
    {
        List<ExecutionEnvironment> all;
        lock (gate)
        {
            all = environments.ToList();
            environments.Clear();
        }

        foreach (var environment in all)
        {
            registry.Remove(environment.Id);
            environment.Dispose();
        }
    }
}
