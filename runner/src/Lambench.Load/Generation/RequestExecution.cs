using System.Collections.Concurrent;
using Lambench.Load.Recording;

namespace Lambench.Load.Generation;

/// <summary>Runs one request of a load and fills in its record: completion time, outcome, request id, histograms.</summary>
internal sealed class RequestExecution(RecordStore store, LatencyHistograms histograms, LoadCounters counters, LoadTarget target, TimeProvider clock, long start)
{
    private const int MaxErrorKinds = 20;

    /// <summary>The distinct messages of requests that threw, with their counts (at most 20 kinds kept).</summary>
    public ConcurrentDictionary<string, long> Errors { get; } = new(StringComparer.Ordinal);

    public long ElapsedUs() => ToUs(clock.GetElapsedTime(start));

    public async Task RunAsync(long sequence, OutstandingGate? slots, CancellationToken cancellation)
    {
        LoadResponse response;
        try
        {
            response = await target(sequence, cancellation).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Any failure of one request is that request's outcome, never the load's end.
            var kind = e is OperationCanceledException && cancellation.IsCancellationRequested ? "stopped before it was answered" : $"{e.GetType().Name}: {e.Message}";
            if (Errors.Count < MaxErrorKinds || Errors.ContainsKey(kind))
            {
                Errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
            }

            response = new LoadResponse(LoadOutcome.Error);
        }

        ref var record = ref store[sequence];
        record.CompletedUs = ElapsedUs();
        record.Outcome = response.Outcome;
        record.RequestId = response.RequestId;
        histograms.Record(record);
        counters.Count(response.Outcome);
        slots?.Release();
    }

    public static long ToUs(TimeSpan time) => time.Ticks / TimeSpan.TicksPerMicrosecond;
}
