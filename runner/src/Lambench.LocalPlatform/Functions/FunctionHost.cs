using System.Diagnostics;
using Lambench.Core.Cost;
using Lambench.LocalPlatform.Logs;
using Lambench.LocalPlatform.Metrics;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// One function on the local platform: its configuration (revisions, reserved concurrency), its execution
/// environments (<see cref="EnvironmentPool"/>), and the invoke that runs an event in one of them and writes START,
/// END and REPORT to its log stream (<see cref="InvocationRecorder"/>), counted in the AWS/Lambda metrics.
/// </summary>
public sealed class FunctionHost : IDisposable
{
    private readonly object gate = new();
    private readonly EnvironmentPool pool;
    private readonly RuntimeLauncher launcher;
    private readonly LogGroup logGroup;
    private readonly InitBillingRule billing;
    private readonly PlatformSettings settings;
    private readonly MetricStore metrics;
    private FunctionState state;

    internal FunctionHost(FunctionState state, RuntimeLauncher launcher, EnvironmentRegistry registry, LogStore logs, MetricStore metrics, InitBillingRule billing, PlatformSettings settings)
    {
        this.metrics = metrics;
        this.state = state;
        this.launcher = launcher;
        this.billing = billing;
        this.settings = settings;
        pool = new EnvironmentPool(registry, settings.Concurrency);
        logGroup = logs.Group(state.Definition.LogGroupName);
    }

    /// <summary>Why the function cannot run here (an arm64 Python function on x86_64, say); null when it can.</summary>
    public string? UnavailableReason { get; internal set; }

    public FunctionState State
    {
        get
        {
            lock (gate)
            {
                return state;
            }
        }
    }

    /// <summary>Environments alive now (busy, idle or starting), for tests and the benchmark.</summary>
    public int EnvironmentCount => pool.Count;

    /// <summary>Invocations running now: what AWS's ConcurrentExecutions metric counts.</summary>
    public int InvocationsInFlight => pool.InFlight;

    /// <summary>Applies a configuration change as a new revision; environments of the old one are retired.</summary>
    public FunctionState Update(int? memorySizeMb, int? timeoutSeconds, IReadOnlyDictionary<string, string>? environment, string? logFormat = null)
    {
        FunctionConfigurationRules.Check(memorySizeMb, timeoutSeconds, environment, logFormat);
        string revision;
        lock (gate)
        {
            state = state with
            {
                MemorySizeMb = memorySizeMb ?? state.MemorySizeMb,
                TimeoutSeconds = timeoutSeconds ?? state.TimeoutSeconds,
                Environment = environment ?? state.Environment,
                LogFormat = logFormat ?? state.LogFormat,
                RevisionId = Guid.NewGuid().ToString(),
                LastModified = DateTimeOffset.UtcNow,
                LastUpdateStatus = "InProgress",
            };
            revision = state.RevisionId;
        }

        pool.RetireAll();
        // AWS applies an update asynchronously; clients poll LastUpdateStatus (aws lambda wait function-updated).
        _ = Task.Delay(settings.UpdateDelay).ContinueWith(_ =>
        {
            lock (gate)
            {
                if (state.RevisionId == revision)
                {
                    state = state with { LastUpdateStatus = "Successful" };
                }
            }
        }, TaskScheduler.Default);
        return State;
    }

    public void SetReservedConcurrency(int? reserved)
    {
        lock (gate)
        {
            state = state with { ReservedConcurrency = reserved };
        }
    }

    /// <summary>Stops environments idle for longer than the platform's idle timeout.</summary>
    public void EvictIdle(DateTimeOffset now) => pool.EvictIdle(now, settings.IdleTimeout);

    /// <summary>
    /// Runs one invocation, counted in the AWS/Lambda metrics. <paramref name="requestId"/>: the id an asynchronous
    /// invocation was given when Lambda accepted it (kept across its retries, as on AWS); null draws one.
    /// </summary>
    /// <exception cref="LambdaServiceException">TooManyRequestsException when reserved concurrency or the platform's limit is reached.</exception>
    public async Task<InvocationOutcome> InvokeAsync(byte[] payload, CancellationToken cancellation = default, string? requestId = null)
    {
        var name = state.Definition.FunctionName;
        InvocationOutcome outcome;
        try
        {
            outcome = await RunAsync(payload, requestId ?? Guid.NewGuid().ToString(), cancellation);
        }
        catch (LambdaServiceException e) when (e.StatusCode == 429)
        {
            metrics.Add(name, MetricStore.Throttles, DateTimeOffset.UtcNow);
            throw;
        }

        metrics.Add(name, MetricStore.Invocations, DateTimeOffset.UtcNow);
        if (outcome.FunctionError is not null)
        {
            metrics.Add(name, MetricStore.Errors, DateTimeOffset.UtcNow);
        }

        return outcome;
    }

    private async Task<InvocationOutcome> RunAsync(byte[] payload, string requestId, CancellationToken cancellation)
    {
        if (UnavailableReason is { } reason)
        {
            throw new LambdaServiceException(500, "ServiceException", $"{state.Definition.FunctionName} cannot run on this machine: {reason}");
        }

        if (settings.ThrottleFraction > 0 && Random.Shared.NextDouble() < settings.ThrottleFraction)
        {
            throw new LambdaServiceException(429, "TooManyRequestsException", "Rate Exceeded.", "CallerRateLimitExceeded");
        }

        var current = State;
        var environment = pool.Acquire(current) ?? await StartEnvironmentAsync(current, cancellation);
        var recorder = new InvocationRecorder(environment, environment.State, requestId, billing);
        double? initMs = null;
        if (environment.Cold)
        {
            try
            {
                initMs = await environment.Initialised.WaitAsync(settings.InitTimeout, cancellation);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                var errorType = e is TimeoutException ? "Runtime.InitTimeout" : InitErrorType(environment);
                recorder.InitFailed(environment.Initialised.IsCompletedSuccessfully ? environment.Initialised.Result : 0, errorType);
                pool.Release(environment, State.RevisionId, replace: true);
                return new InvocationOutcome(requestId, InvocationRecorder.ErrorDocument(errorType, e.Message), "Unhandled", string.Empty, "error");
            }
        }

        return await RunInAsync(environment, recorder, requestId, payload, initMs, cancellation);
    }

    private async Task<InvocationOutcome> RunInAsync(ExecutionEnvironment environment, InvocationRecorder recorder, string requestId, byte[] payload, double? initMs, CancellationToken cancellation)
    {
        recorder.Start();
        var timeout = TimeSpan.FromSeconds(environment.State.TimeoutSeconds);
        var invocation = new PendingInvocation(requestId, payload, DateTimeOffset.UtcNow + timeout);
        environment.Send(invocation);
        var timedOut = false;
        try
        {
            // WaitAsync, not Task.Delay: no timer is left running for each invocation that finishes in time.
            await invocation.Completion.Task.WaitAsync(timeout, cancellation);
        }
        catch (TimeoutException)
        {
            timedOut = true;
        }

        var (status, errorType, response, durationMs) = ("success", (string?)null, Array.Empty<byte>(), timeout.TotalMilliseconds);
        if (timedOut)
        {
            (status, errorType, response) = ("timeout", "Sandbox.Timedout", recorder.TimedOut(timeout));
        }
        else
        {
            (response, errorType) = invocation.Completion.Task.Result;
            await OutputDrainedAsync(invocation, errorType, cancellation);
            durationMs = invocation.HandedOverTimestamp == 0 ? 0 : Stopwatch.GetElapsedTime(invocation.HandedOverTimestamp, invocation.CompletedTimestamp).TotalMilliseconds;
            status = errorType is null ? "success" : "error";
            if (errorType == "Runtime.ExitError")
            {
                response = recorder.Exited(environment.ExitCode);
            }
        }

        recorder.Finish(durationMs, initMs, status, errorType, timedOut ? null : invocation.CompletedUtc);
        // The tail is read before the environment is given back: after, its next invocation may already be logging.
        var tail = recorder.Tail();
        environment.Cold = false;
        environment.Finish();
        pool.Release(environment, State.RevisionId, replace: status != "success");
        return new InvocationOutcome(requestId, response, status == "success" ? null : "Unhandled", tail, status);
    }

    /// <summary>How long the handler's last lines may trail its response on the stdout reader's thread.</summary>
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(1);

    /// <summary>Waits until the runtime's output-end line is read, so END and REPORT follow the handler's lines.</summary>
    private static async Task OutputDrainedAsync(PendingInvocation invocation, string? errorType, CancellationToken cancellation)
    {
        if (errorType == "Runtime.ExitError")
        {
            return; // the process is gone: what it wrote has been read
        }

        try
        {
            await invocation.OutputDrained.Task.WaitAsync(OutputDrainLimit, cancellation);
        }
        catch (TimeoutException)
        {
            // A runtime that does not write the line (not the platform's own): its lines may follow REPORT.
        }
    }

    /// <summary>Starts an environment for the slot the pool gave; the slot is given back if the start fails.</summary>
    private async Task<ExecutionEnvironment> StartEnvironmentAsync(FunctionState current, CancellationToken cancellation)
    {
        try
        {
            var id = Guid.NewGuid().ToString("N");
            var streamName = $"{DateTime.UtcNow:yyyy'/'MM'/'dd}/[$LATEST]{id}";
            var start = await launcher.StartInfoAsync(current, id, settings.RuntimeApiAddress, streamName, settings.FunctionVariables, cancellation);
            var environment = new ExecutionEnvironment(id, current, logGroup.CreateStream(streamName), start);
            pool.Started(environment);
            return environment;
        }
        catch
        {
            pool.StartFailed();
            throw;
        }
    }

    private static string InitErrorType(ExecutionEnvironment environment) =>
        environment.InitFailure?.Split(':')[0] is { Length: > 0 } type && type.StartsWith("Runtime.", StringComparison.Ordinal) ? type : "Runtime.ExitError";

    public void Dispose() => pool.Dispose();
}
