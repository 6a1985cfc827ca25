using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambench.Core.Cost;
using Lambench.LocalPlatform.Logs;
using Lambench.LocalPlatform.Metrics;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// One function on the local platform: its configuration, its execution environments (reused while warm, retired on
/// a configuration change, evicted when idle, capped by reserved concurrency), and the invoke that writes START,
/// END and REPORT lines to the environment's log stream.
/// </summary>
public sealed class FunctionHost : IDisposable
{
    private readonly object gate = new();
    private readonly List<ExecutionEnvironment> environments = [];
    private readonly RuntimeLauncher launcher;
    private readonly EnvironmentRegistry registry;
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
        this.registry = registry;
        this.billing = billing;
        this.settings = settings;
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

    /// <summary>Environments alive now (busy or idle), for tests and the benchmark.</summary>
    public int EnvironmentCount
    {
        get
        {
            lock (gate)
            {
                return environments.Count;
            }
        }
    }

    /// <summary>Applies a configuration change as a new revision; environments of the old one are retired.</summary>
    public FunctionState Update(int? memorySizeMb, int? timeoutSeconds, IReadOnlyDictionary<string, string>? environment, string? logFormat = null)
    {
        if (logFormat is not (null or "Text" or "JSON"))
        {
            throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value '{logFormat}' at 'loggingConfig.logFormat' failed to satisfy constraint: Member must satisfy enum value set: [Text, JSON]");
        }

        if (memorySizeMb is < 128 or > 10240)
        {
            throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value '{memorySizeMb}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240");
        }

        if (timeoutSeconds is < 1 or > 900)
        {
            throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value '{timeoutSeconds}' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900");
        }

        List<ExecutionEnvironment> retired;
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
            retired = environments.Where(e => !e.Busy).ToList();
            foreach (var environment1 in environments)
            {
                environment1.Retired = true;
            }
        }

        foreach (var environment1 in retired)
        {
            Remove(environment1);
        }

        var revision = state.RevisionId;
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
    public void EvictIdle(DateTimeOffset now)
    {
        List<ExecutionEnvironment> idle;
        lock (gate)
        {
            idle = environments.Where(e => !e.Busy && now - e.LastUsed > settings.IdleTimeout).ToList();
        }

        foreach (var environment in idle)
        {
            Remove(environment);
        }
    }

    /// <summary>Runs one invocation synchronously (RequestResponse), counted in the AWS/Lambda metrics.</summary>
    /// <exception cref="LambdaServiceException">TooManyRequestsException when reserved concurrency is exhausted.</exception>
    public async Task<InvocationOutcome> InvokeAsync(byte[] payload, CancellationToken cancellation = default)
    {
        var name = state.Definition.FunctionName;
        InvocationOutcome outcome;
        try
        {
            outcome = await RunAsync(payload, cancellation);
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

    private async Task<InvocationOutcome> RunAsync(byte[] payload, CancellationToken cancellation)
    {
        if (UnavailableReason is { } reason)
        {
            throw new LambdaServiceException(500, "ServiceException", $"{state.Definition.FunctionName} cannot run on this machine: {reason}");
        }

        if (settings.ThrottleFraction > 0 && Random.Shared.NextDouble() < settings.ThrottleFraction)
        {
            throw new LambdaServiceException(429, "TooManyRequestsException", "Rate Exceeded.", "CallerRateLimitExceeded");
        }

        var (environment, current) = await AcquireAsync(cancellation);
        var requestId = Guid.NewGuid().ToString();
        var json = current.LogFormat.Equals("JSON", StringComparison.OrdinalIgnoreCase);
        var stream = environment.Stream;
        double? initMs = null;
        if (environment.Cold)
        {
            try
            {
                initMs = await environment.Initialised.WaitAsync(settings.InitTimeout, cancellation);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                return InitFailed(environment, current, requestId, e is TimeoutException ? "Runtime.InitTimeout" : InitErrorType(environment), e.Message, json);
            }
        }

        var start = stream.Append(PlatformLogLines.Start(requestId, json));
        var timeout = TimeSpan.FromSeconds(current.TimeoutSeconds);
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

        var maxMemory = ProcessMemory.PeakResidentMb(environment.ProcessId) ?? 0;
        string status = "success";
        string? errorType = null;
        byte[] response;
        double durationMs;
        if (timedOut)
        {
            status = "timeout";
            durationMs = timeout.TotalMilliseconds;
            stream.Append(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} Task timed out after {timeout.TotalSeconds:F2} seconds"));
            response = ErrorDocument("Sandbox.Timedout", string.Create(CultureInfo.InvariantCulture, $"RequestId: {requestId} Error: Task timed out after {timeout.TotalSeconds:F2} seconds"));
            errorType = "Sandbox.Timedout";
        }
        else
        {
            var (body, functionErrorType) = invocation.Completion.Task.Result;
            durationMs = invocation.HandedOverTimestamp == 0 ? 0 : Stopwatch.GetElapsedTime(invocation.HandedOverTimestamp, invocation.CompletedTimestamp).TotalMilliseconds;
            response = body;
            if (functionErrorType is not null)
            {
                status = "error";
                errorType = functionErrorType;
                if (functionErrorType == "Runtime.ExitError")
                {
                    var message = $"RequestId: {requestId} Error: Runtime exited with error: exit status {environment.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}";
                    stream.Append(message + "\n" + functionErrorType);
                    response = ErrorDocument(functionErrorType, message);
                }
            }
        }

        var billed = billing.BilledDurationMs(durationMs, initMs, current.Definition.Runtime, DateOnly.FromDateTime(DateTime.UtcNow));
        stream.Append(PlatformLogLines.End(requestId, json));
        stream.Append(PlatformLogLines.Report(requestId, durationMs, billed, current.MemorySizeMb, maxMemory, initMs, status, errorType, json));
        environment.Cold = false;
        environment.Finish();
        Release(environment, replace: status != "success");
        return new InvocationOutcome(requestId, response, status == "success" ? null : "Unhandled", Tail(stream, start), status);
    }

    private async Task<(ExecutionEnvironment Environment, FunctionState State)> AcquireAsync(CancellationToken cancellation)
    {
        ExecutionEnvironment? reused = null;
        FunctionState current;
        // An idle process that died between invocations must not count against the concurrency cap.
        foreach (var dead in Snapshot().Where(e => !e.Busy && e.HasExited))
        {
            Remove(dead);
        }

        lock (gate)
        {
            current = state;
            // Reserved concurrency caps invocations in flight, warm environments included: 0 throttles everything.
            var limit = current.ReservedConcurrency ?? settings.MaximumEnvironmentsPerFunction;
            if (environments.Count(e => e.Busy) >= limit)
            {
                throw Throttle(current);
            }

            reused = environments.FirstOrDefault(e => !e.Busy && !e.Retired && !e.HasExited && e.State.RevisionId == current.RevisionId);
            if (reused is not null)
            {
                reused.Busy = true;
                return (reused, current);
            }

            if (environments.Count(e => !e.Retired) >= limit)
            {
                throw Throttle(current);
            }
        }

        var id = Guid.NewGuid().ToString("N");
        var streamName = $"{DateTime.UtcNow:yyyy'/'MM'/'dd}/[$LATEST]{id}";
        var stream = logGroup.CreateStream(streamName);
        var start = await launcher.StartInfoAsync(current, id, settings.RuntimeApiAddress, streamName, settings.FunctionVariables, cancellation);
        var environment = new ExecutionEnvironment(id, current, stream, start) { Busy = true };
        registry.Add(environment);
        lock (gate)
        {
            environments.Add(environment);
        }

        return (environment, current);
    }

    private static LambdaServiceException Throttle(FunctionState current) =>
        new(429, "TooManyRequestsException", "Rate Exceeded.", current.ReservedConcurrency is null ? "ConcurrentInvocationLimitExceeded" : "ReservedFunctionConcurrentInvocationLimitExceeded");

    private List<ExecutionEnvironment> Snapshot()
    {
        lock (gate)
        {
            return environments.ToList();
        }
    }

    private InvocationOutcome InitFailed(ExecutionEnvironment environment, FunctionState current, string requestId, string errorType, string message, bool json)
    {
        var initMs = environment.Initialised.IsCompletedSuccessfully ? environment.Initialised.Result : 0;
        environment.Stream.Append(string.Create(CultureInfo.InvariantCulture, $"INIT_REPORT Init Duration: {initMs:F2} ms\tPhase: init\tStatus: error\tError Type: {errorType}"));
        environment.Stream.Append(PlatformLogLines.Start(requestId, json));
        environment.Stream.Append(PlatformLogLines.End(requestId, json));
        environment.Stream.Append(PlatformLogLines.Report(requestId, 0, 0, current.MemorySizeMb, 0, null, "error", errorType, json));
        Release(environment, replace: true);
        return new InvocationOutcome(requestId, ErrorDocument(errorType, message), "Unhandled", string.Empty, "error");
    }

    private static string InitErrorType(ExecutionEnvironment environment) =>
        environment.InitFailure?.Split(':')[0] is { Length: > 0 } type && type.StartsWith("Runtime.", StringComparison.Ordinal) ? type : "Runtime.ExitError";

    private void Release(ExecutionEnvironment environment, bool replace)
    {
        bool remove;
        lock (gate)
        {
            environment.Busy = false;
            environment.LastUsed = DateTimeOffset.UtcNow;
            remove = replace || environment.Retired || environment.State.RevisionId != state.RevisionId || environment.HasExited;
        }

        if (remove)
        {
            Remove(environment);
        }
    }

    private void Remove(ExecutionEnvironment environment)
    {
        lock (gate)
        {
            environments.Remove(environment);
        }

        registry.Remove(environment.Id);
        environment.Dispose();
    }

    private static string Tail(LogStream stream, LogEvent start)
    {
        // LogType=Tail returns the last 4 KB of the invocation's log, as Lambda does.
        var text = string.Join("\n", stream.EventsFrom(start).Select(e => e.Message)) + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToBase64String(bytes.Length <= 4096 ? bytes : bytes[^4096..]);
    }

    private static byte[] ErrorDocument(string errorType, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["errorType"] = errorType, ["errorMessage"] = message });

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
