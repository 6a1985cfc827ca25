using System.Globalization;
using CsvHelper;
using Lambench.Core.Csv;
using static Lambench.Core.Csv.InvariantFormat;
using Lambench.Core.Records;
using Lambench.Core.Vocabulary;
using Lambench.Load.Recording;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Loads;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Collection;

/// <summary>
/// A load spec's requests and their REPORT lines: which requests must have one (every request that reached the
/// function: not throttled, and with a request id, or where the channel returns none accepted), and requests.csv, each
/// request joined with its REPORT line by request id (api and sqs: by the batch id the function logs) and, for the
/// writer, with its items' last write time.
/// </summary>
internal static class LoadRequestJoin
{
    private static readonly string[] Header =
    [
        "configuration", "label", "round", "sequence", "intended_utc", "outcome", "client_latency_ms", "service_time_ms", "send_error_ms",
        "request_id", "batch_id", "start_type", "status", "duration_ms", "init_duration_ms", "billed_duration_ms", "platform_network_ms", "to_start_ms", "to_effect_ms",
    ];

    /// <summary>Every request of every done load step, with its step.</summary>
    public static List<(PlanStep Step, LoadRequest Request)> Requests(RunDirectory run, IReadOnlyDictionary<int, StepStatus> status) =>
        run.Plan.Steps
            .Where(s => s.Kind == StepKind.Load && status.GetValueOrDefault(s.Index) is { IsDone: true, BatchId: not null })
            .SelectMany(s => LoadRequestFile.Read(run.LoadRequestsPath(status[s.Index].BatchId!)).Select(r => (s, r)))
            .ToList();

    /// <summary>
    /// What finds the REPORT line of a request that reached the function, and whether it is optional; null for one
    /// that did not. Without a request id, an accepted request is known to have reached the function; an HTTP API's
    /// error (a 500 for a function error and for a Lambda throttle alike) may have: its line is joined if it exists.
    /// </summary>
    public static (StepStatus Status, bool Optional)? Expectation(PlanStep step, LoadRequest request, Channel channel, int attempt)
    {
        if (request.Outcome == LoadOutcome.Throttled || (channel.ReturnsRequestId() && request.RequestId is null))
        {
            return null;
        }

        var status = new StepStatus(step.Index, attempt, JournalState.Done, channel.ReturnsRequestId() ? request.RequestId : null, []) { BatchId = request.BatchId };
        return (status, !channel.ReturnsRequestId() && request.Outcome != LoadOutcome.Ok);
    }

    /// <summary>requests.csv: a row per request, its REPORT line's figures beside it where one was found.</summary>
    /// <param name="writes">a writer load's items per request batch id: to_effect_ms is its last write's time less the send time.</param>
    public static void Write(string path, IEnumerable<(PlanStep Step, LoadRequest Request)> requests, IReadOnlyList<InvocationRecord> rows, Channel channel,
        IReadOnlyDictionary<string, (int Count, DateTimeOffset? LastWrite)>? writes = null) => AtomicFile.Write(path, writer =>
    {
        var byBatch = rows.Where(r => r.BatchId is not null).GroupBy(r => r.BatchId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var synchronous = channel.IsSynchronous();
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n" }, leaveOpen: true);
        csv.WriteHeader(Header);
        foreach (var (step, request) in requests)
        {
            var report = byBatch.GetValueOrDefault(request.BatchId);
            var platformMs = Finite(report is null ? null : request.ClientLatencyMs - report.DurationMs - (report.InitDurationMs ?? 0));
            var startMs = report?.TimestampUtc is { } end ? (double?)(end - request.SentUtc).TotalMilliseconds - report.DurationMs - (report.InitDurationMs ?? 0) : null;
            string[] cells =
            [
                step.Configuration, step.Batch!, step.Round.ToString(CultureInfo.InvariantCulture), request.Sequence.ToString(CultureInfo.InvariantCulture),
                Timestamp(request.IntendedUtc), request.Outcome.Name(),
                Milliseconds(request.ClientLatencyMs), Milliseconds(request.ServiceTimeMs), Milliseconds(request.SendErrorMs), request.RequestId ?? report?.RequestId ?? string.Empty, request.BatchId,
                report?.StartType.ToName() ?? string.Empty, report?.Status ?? string.Empty, Milliseconds(report?.DurationMs), Milliseconds(report?.InitDurationMs), Milliseconds(report?.BilledDurationMs),
                synchronous ? Milliseconds(platformMs) : string.Empty, synchronous ? string.Empty : Milliseconds(Finite(startMs)),
                writes?.GetValueOrDefault(request.BatchId).LastWrite is { } written ? Milliseconds((written - request.SentUtc).TotalMilliseconds) : string.Empty,
            ];
            foreach (var cell in cells)
            {
                csv.WriteField(cell);
            }

            csv.EndRecord();
        }
    });

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
