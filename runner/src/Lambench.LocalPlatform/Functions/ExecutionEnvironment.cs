using System.Diagnostics;
using System.Threading.Channels;
using Lambench.LocalPlatform.Logs;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// One execution environment: a real process running the function's runtime, talking to the Runtime API under
/// /env/&lt;id&gt;/. Init lasts from process start to its first /next; then it takes one invocation at a time.
/// </summary>
internal sealed class ExecutionEnvironment : IDisposable
{
    private readonly Channel<PendingInvocation> work = Channel.CreateBounded<PendingInvocation>(1);
    private readonly TaskCompletionSource<double> initialised = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long startedTimestamp;
    private readonly Process process;
    private readonly Timer memorySampler;
    private int peakMemoryMb;
    private int processId;

    public ExecutionEnvironment(string id, FunctionState state, LogStream stream, ProcessStartInfo start)
    {
        Id = id;
        State = state;
        Stream = stream;
        startedTimestamp = Stopwatch.GetTimestamp();
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Output(e.Data);
        process.ErrorDataReceived += (_, e) => Output(e.Data);
        process.Exited += (_, _) =>
        {
            Volatile.Write(ref processId, 0); // its id may now be another process's: sampling stops
            initialised.TrySetException(new InvalidOperationException(InitFailure ?? $"Runtime exited with error: exit status {SafeExitCode()}"));
            Current?.Complete([], "Runtime.ExitError");
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        LastUsed = DateTimeOffset.UtcNow;
        // /proc/<pid>/status is gone once a process is killed (out of memory, say): the peak is sampled as it runs,
        // so a killed environment reports what it last used, not 0.
        processId = process.Id;
        memorySampler = new Timer(_ => PeakMemoryMb(), null, TimeSpan.Zero, MemorySampleInterval);
    }

    /// <summary>How often the process's peak resident set is read while it runs.</summary>
    public static readonly TimeSpan MemorySampleInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Max Memory Used: the peak resident set read now, or where the process is gone, the last one sampled.</summary>
    public int PeakMemoryMb()
    {
        // The id is kept: the sampler may run once more while Dispose releases the Process object.
        if (Volatile.Read(ref processId) is > 0 and var id && ProcessMemory.PeakResidentMb(id) is { } now)
        {
            InterlockedMax(ref peakMemoryMb, now);
        }

        return Volatile.Read(ref peakMemoryMb);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public string Id { get; }
    public FunctionState State { get; }
    public LogStream Stream { get; }
    public DateTimeOffset LastUsed { get; set; }
    public bool Busy { get; set; }
    public bool Retired { get; set; }

    /// <summary>True until the first invocation has been reported: its REPORT line carries the Init Duration.</summary>
    public bool Cold { get; set; } = true;
    public PendingInvocation? Current { get; private set; }
    public string? InitFailure { get; private set; }
    public bool HasExited => process.HasExited;

    /// <summary>Init Duration in ms, once the runtime's first /next arrived.</summary>
    public Task<double> Initialised => initialised.Task;

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Called by the Runtime API on /next: ends Init the first time, then waits for the next invocation.</summary>
    public async Task<PendingInvocation> NextAsync(CancellationToken cancellation)
    {
        initialised.TrySetResult(Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds);
        var invocation = await work.Reader.ReadAsync(cancellation);
        invocation.HandedOverTimestamp = Stopwatch.GetTimestamp();
        return invocation;
    }

    public void Send(PendingInvocation invocation)
    {
        Current = invocation;
        if (!work.Writer.TryWrite(invocation))
        {
            throw new InvalidOperationException($"environment {Id} was given a second invocation while busy");
        }
    }

    public void Finish() => Current = null;

    /// <summary>The runtime reported that it could not start (/init/error).</summary>
    public void FailInit(string errorType, string message)
    {
        InitFailure = $"{errorType}: {message}";
        initialised.TrySetException(new InvalidOperationException(InitFailure));
    }

    public void Dispose()
    {
        memorySampler.Dispose();
        try
        {
            if (!process.HasExited)
            {
                // SIGKILL to the runtime process alone: it starts no children (qemu-user emulates in-process), and
                // .NET's tree kill SIGSTOPs the process first, which would leave it stopped forever if the platform
                // itself were killed in between.
                process.Kill();
                process.WaitForExit(2000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
        work.Writer.TryComplete();
    }

    /// <summary>
    /// The variable that asks the platform's runtimes (the Python bootstrap, the Go runtime) to end each invocation's
    /// output, on stdout and on stderr, with a line of its value and the request id, after the handler's lines and
    /// before the response. The platform reads each stream on a thread of its own, which can trail the response; the
    /// two lines say both have caught up.
    /// </summary>
    public const string OutputMarkerVariable = "LAMBENCH_OUTPUT_MARKER";
    public const string OutputMarker = "LAMBENCH-OUTPUT-END ";

    private void Output(string? line)
    {
        if (line is null)
        {
            return;
        }

        // The marker ends a line of its own, or the handler's last line when that had no newline.
        var marker = line.IndexOf(OutputMarker, StringComparison.Ordinal);
        if (marker > 0 || (marker == 0 && line.Length > OutputMarker.Length))
        {
            if (marker > 0)
            {
                Stream.Append(line[..marker], Current?.CompletedUtc);
            }

            if (Current is { } current && line.AsSpan(marker + OutputMarker.Length).SequenceEqual(current.RequestId))
            {
                current.OutputEnded();
            }

            return; // the marker is the platform's, never the function's log
        }

        Stream.Append(line, Current?.CompletedUtc);
    }

    private string SafeExitCode()
    {
        try
        {
            return process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }
}
