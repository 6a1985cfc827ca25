using System.Globalization;
using System.Text;
using System.Text.Json;
using Lambench.Core.Cost;
using Lambench.LocalPlatform.Logs;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// Writes one invocation into its environment's log stream as Lambda does (START; the timeout or exit lines; END;
/// REPORT with Duration, Billed Duration by the INIT billing rule, Memory Size, Max Memory Used and Init Duration) and
/// builds the error documents and the log tail the caller gets back.
/// </summary>
internal sealed class InvocationRecorder(ExecutionEnvironment environment, FunctionState state, string requestId, InitBillingRule billing)
{
    private readonly bool json = state.LogFormat.Equals("JSON", StringComparison.OrdinalIgnoreCase);
    private LogEvent? start;

    public void Start() => start = environment.Stream.Append(PlatformLogLines.Start(requestId, json));

    /// <summary>The line Lambda writes when the timeout ends an invocation; returns the error document.</summary>
    public byte[] TimedOut(TimeSpan timeout)
    {
        var seconds = timeout.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture);
        environment.Stream.Append($"{DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)} {requestId} Task timed out after {seconds} seconds");
        return ErrorDocument("Sandbox.Timedout", $"RequestId: {requestId} Error: Task timed out after {seconds} seconds");
    }

    /// <summary>The runtime process exited during the invocation; returns the error document.</summary>
    public byte[] Exited(int? exitCode)
    {
        var message = $"RequestId: {requestId} Error: Runtime exited with error: exit status {exitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}";
        environment.Stream.Append(message + "\nRuntime.ExitError");
        return ErrorDocument("Runtime.ExitError", message);
    }

    /// <summary>
    /// END and REPORT, stamped at the invocation's end (<paramref name="endedUtc"/>, when the runtime answered) rather
    /// than after the wait for the handler's last lines, so REPORT time − Duration is when the handler started, as on
    /// AWS. Max Memory Used is the environment's last sample, kept when its process was killed.
    /// </summary>
    public void Finish(double durationMs, double? initMs, string status, string? errorType, DateTimeOffset? endedUtc = null)
    {
        // Billed from the values the line prints (2 decimals): from the raw ones, an Init of 59.004 ms printed as 59.00
        // billed a millisecond more than the line's own Duration + Init (a test of the timeout caught it at random).
        durationMs = AsPrinted(durationMs);
        initMs = initMs is { } init ? AsPrinted(init) : null;
        var billed = billing.BilledDurationMs(durationMs, initMs, state.Definition.Runtime, DateOnly.FromDateTime(DateTime.UtcNow));
        environment.Stream.Append(PlatformLogLines.End(requestId, json, endedUtc), endedUtc);
        environment.Stream.Append(PlatformLogLines.Report(requestId, durationMs, billed, state.MemorySizeMb, environment.PeakMemoryMb(), initMs, status, errorType, json, endedUtc), endedUtc);
    }

    private static double AsPrinted(double milliseconds) =>
        double.Parse(milliseconds.ToString("F2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>The environment could not start: INIT_REPORT, then the invocation's lines, as Lambda logs an init failure.</summary>
    public void InitFailed(double initMs, string errorType)
    {
        environment.Stream.Append(string.Create(CultureInfo.InvariantCulture, $"INIT_REPORT Init Duration: {initMs:F2} ms\tPhase: init\tStatus: error\tError Type: {errorType}"));
        Start();
        environment.Stream.Append(PlatformLogLines.End(requestId, json));
        environment.Stream.Append(PlatformLogLines.Report(requestId, 0, 0, state.MemorySizeMb, environment.PeakMemoryMb(), null, "error", errorType, json));
    }

    /// <summary>LogType=Tail: the last 4 KB of the invocation's log, base64, as Lambda returns it.</summary>
    public string Tail()
    {
        if (start is null)
        {
            return string.Empty;
        }

        var text = string.Join("\n", environment.Stream.EventsFrom(start).Select(e => e.Message)) + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        return Convert.ToBase64String(bytes.Length <= 4096 ? bytes : bytes[^4096..]);
    }

    public static byte[] ErrorDocument(string errorType, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["errorType"] = errorType, ["errorMessage"] = message });
}
