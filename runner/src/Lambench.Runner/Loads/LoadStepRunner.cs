using System.Globalization;
using HdrHistogram;
using Lambench.Core.Csv;
using Lambench.Load.Arrivals;
using Lambench.Load.Generation;
using Lambench.Load.Recording;
using Lambench.Runner.Channels;
using Lambench.Runner.Execution;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Loads;

/// <summary>
/// Runs one load step: every request of the spec's load through the channel, each with a batch id of its own, then
/// writes loads/&lt;batch id&gt;.csv (every request) and .hgrm (the client latency distribution, HdrHistogram's
/// format) before the step is journaled done. A load stopped part-way writes nothing: the step is abandoned and runs
/// again whole, and the requests it did send are left out by their batch ids.
/// </summary>
public sealed class LoadStepRunner(IInvocationChannel channel, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <returns>the journal's detail of the step.</returns>
    public async Task<string> RunAsync(RunDirectory run, ConfigurationSpec configuration, string functionName, BatchSpec batch, string stepBatchId, int round, IProgress<string>? progress, CancellationToken cancellation)
    {
        var load = run.Spec.Load!;
        LoadTarget send = (sequence, token) =>
            channel.SubmitAsync(configuration, functionName, BatchPayload.Create(batch, LoadRequest.BatchIdOf(stepBatchId, sequence), null, round).ToJsonString(), token);
        var reporter = progress is null ? null : new Progress<LoadProgress>(p => progress.Report(Describe(p)));
        using var sampler = channel is IQueuedChannel queued
            ? new QueueDepthSampler(queued, functionName, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(run.Spec.Protocol.DrainTimeoutSeconds), clock)
            : null;
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var sampling = sampler?.RunAsync(stopSampling.Token);
        var startedUtc = clock.GetUtcNow();
        LoadResult result;
        try
        {
            result = load.Open is { } open
                ? await new OpenLoopGenerator(clock).RunAsync(ArrivalSchedule.Offsets(open, run.Plan.LoadSeed ?? 0), load.MaxOutstanding, send, reporter, cancellation)
                : await new ClosedLoopGenerator(clock).RunAsync(load.Closed!.Levels, load.Closed.ThinkMin, load.Closed.ThinkMax, run.Plan.LoadSeed ?? 0, send, reporter, cancellation);
            cancellation.ThrowIfCancellationRequested();
            sampler?.SendsEnded();
        }
        catch
        {
            await stopSampling.CancelAsync();
            await (sampling ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        // An asynchronous channel's step ends when its queue has drained, so every message's REPORT line can be collected.
        progress?.Report("waiting for the queue to drain");
        var drained = sampling is null ? null : await sampling;

        Directory.CreateDirectory(run.LoadsDirectory);
        var requests = result.Records.All().Select(r => new LoadRequest(
            r.Sequence, startedUtc.AddTicks(r.IntendedUs * TimeSpan.TicksPerMicrosecond), r.IntendedUs / 1000.0, r.SentUs / 1000.0, r.CompletedUs / 1000.0,
            r.Outcome, r.RequestId, LoadRequest.BatchIdOf(stepBatchId, r.Sequence)));
        LoadRequestFile.Write(run.LoadRequestsPath(stepBatchId), requests);
        AtomicFile.Write(Path.ChangeExtension(run.LoadRequestsPath(stepBatchId), ".hgrm"), writer =>
            result.Histograms.ClientLatency.OutputPercentileDistribution(writer, outputValueUnitScalingRatio: 1000.0)); // microseconds recorded, milliseconds shown
        if (sampler is not null)
        {
            sampler.Write(Path.ChangeExtension(run.LoadRequestsPath(stepBatchId), ".queue.csv"));
        }

        return drained is null ? Summary(result) : $"{Summary(result)}; {drained}";
    }

    private static string Describe(LoadProgress p) => string.Create(CultureInfo.InvariantCulture,
        $"{p.Elapsed.TotalSeconds:F0} s: {p.Sent:N0} sent, {p.Outstanding:N0} waiting, {p.Errors:N0} error(s), {p.Throttles:N0} throttled");

    private static string Summary(LoadResult result)
    {
        string Ms(HistogramBase histogram, double percentile) =>
            LatencyHistograms.PercentileMs(histogram, percentile)?.ToString("0.###", CultureInfo.InvariantCulture) ?? "-";
        var errors = result.Errors.Count == 0 ? string.Empty : "; failed without an answer: " + string.Join("; ", result.Errors.Select(e => $"{e.Value}× {e.Key}"));
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Records.Count:N0} requests in {result.Elapsed.TotalSeconds:F1} s: {result.Count(LoadOutcome.Ok):N0} ok, {result.Count(LoadOutcome.Error):N0} error(s), {result.Count(LoadOutcome.Throttled):N0} throttled; client latency p50 {Ms(result.Histograms.ClientLatency, 50)} ms, p99 {Ms(result.Histograms.ClientLatency, 99)} ms; send error p99 {Ms(result.Histograms.SendError, 99)} ms{errors}");
    }
}
