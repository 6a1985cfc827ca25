using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.Core.Csv;
using Lambench.Core.Ingest;
using Lambench.Core.Records;
using Lambench.Core.Vocabulary;
using Lambench.Runner.Execution;
using Lambench.Runner.Journal;
using Lambench.Runner.Loads;
using Lambench.Runner.Plans;
using Lambench.Runner.Specs;

namespace Lambench.Runner.Collection;

/// <summary>
/// Fetches a run's log lines (FilterLogEvents per function, or Logs Insights for large runs), keeps them in logs/, ingests them and matches REPORT
/// lines to the journal's measured steps by request id (invoke, url) or by the batch id the function logs with its
/// request id (sqs), never by time order. Expected ids that have not arrived are asked for again with growing waits
/// until the target's collection timeout, then reported as missing. Warm-ups, abandoned attempts and SQS
/// redeliveries are counted and left out. Writes invocations.csv (in plan order) and collection.json.
/// </summary>
public sealed class InvocationCollector(RunTarget target)
{
    /// <summary>Measured invocations of one configuration above which <see cref="LogCollectionMethod.Auto"/> uses Logs Insights.</summary>
    public const int InsightsThreshold = 5_000;

    /// <summary>REPORT lines (text and JSON formats) and the functions' tag lines; nothing else is fetched.</summary>
    public const string FilterPattern = "?\"REPORT RequestId\" ?\"platform.report\" ?batch_id";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <exception cref="Lambench.Core.Logs.LogFormatException">a fetched log that cannot be read.</exception>
    public async Task<CollectionResult> CollectAsync(RunDirectory run, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        var spec = run.Spec;
        IReadOnlyDictionary<int, StepStatus> status;
        IReadOnlyList<JournalEntry> entries;
        using (var journal = RunJournal.Open(run.JournalPath))
        {
            status = journal.Status();
            entries = journal.Entries.ToList();
        }

        var measured = run.Plan.Steps.Where(s => s.Kind == StepKind.Invoke && s.Phase != StepPhase.Warmup).ToList();
        var expected = measured.Where(s => status.GetValueOrDefault(s.Index)?.IsDone == true).Select(s => new Expected(s, status[s.Index])).ToList();
        var notRun = measured.Count - expected.Count;
        var loadRequests = LoadRequestJoin.Requests(run, status);
        expected.AddRange(loadRequests
            .Select(l => (l.Step, Expectation: LoadRequestJoin.Expectation(l.Step, l.Request, spec.Channel, status[l.Step.Index].Attempt)))
            .Where(l => l.Expectation is not null)
            .Select(l => new Expected(l.Step, l.Expectation!.Value.Status, l.Expectation.Value.Optional)));
        var warmupBatches = run.Plan.Steps.Where(s => s.Phase == StepPhase.Warmup).Select(s => status.GetValueOrDefault(s.Index)?.BatchId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var abandonedBatches = status.Values.SelectMany(s => s.Abandoned).ToHashSet(StringComparer.Ordinal);
        // From a minute before the run's first step: the log group may hold other runs.
        DateTimeOffset? start = entries.Count == 0 ? null : entries.Min(e => e.Time).AddMinutes(-1);
        long? startMs = start?.ToUnixTimeMilliseconds();
        var requestsBefore = target.Logs.Requests;
        var insightsReader = new InsightsLogReader(target.Logs, target.InsightsPollInterval);
        Directory.CreateDirectory(run.LogsDirectory);

        var byConfiguration = spec.Configurations.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var pending = spec.Configurations.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var deadline = DateTimeOffset.UtcNow + target.CollectionTimeout;
        var delay = target.CollectionRetryDelay;
        var attempts = 0;
        MatchResult match;
        List<InvocationRecord> ingested;
        while (true)
        {
            attempts++;
            foreach (var name in pending.Order(StringComparer.Ordinal))
            {
                var function = byConfiguration[name].FunctionName(target.StackName, spec.Workload);
                progress?.Report($"fetching the logs of {function}{(attempts > 1 ? $" (attempt {attempts})" : string.Empty)}");
                var group = $"/aws/lambda/{function}";
                var insights = target.Collection == LogCollectionMethod.Insights
                    || (target.Collection == LogCollectionMethod.Auto && expected.Count(e => e.Step.Configuration == name) > InsightsThreshold);
                var events = insights
                    ? await insightsReader.ReadAsync(group, startMs ?? 0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), cancellation)
                    : await target.Logs.FilterLogEventsAsync(group, FilterPattern, startMs, cancellation);
                var document = new JsonObject { ["events"] = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()) };
                AtomicFile.WriteAllText(LogPath(run, name), document.ToJsonString(Json) + "\n");
            }

            ingested = Ingest(run);
            match = Match(expected, ingested, warmupBatches, abandonedBatches);
            pending = match.Missing.Select(m => m.Step.Configuration).ToHashSet(StringComparer.Ordinal);
            if (pending.Count == 0 || DateTimeOffset.UtcNow + delay > deadline)
            {
                break;
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{match.Missing.Count} REPORT line(s) not arrived yet; asking again in {delay.TotalSeconds:F0} s"));
            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }

        InvocationCsvWriter.WriteFile(run.InvocationsPath, match.Rows);
        var operations = OperationCsvFile.JoinedWith(ingestedOperations, match.Rows);
        OperationCsvFile.WriteOrRemove(run.OperationsPath, operations);
        if (spec.Load is not null)
        {
            var writes = spec.Workload == Workload.Writer ? await ReadLoadWritesAsync(loadRequests, progress, cancellation) : null;
            expected = expected.Select(e => writes is not null && e.Step.Kind == StepKind.Load && writes.TryGetValue(e.Status.BatchId!, out var w) ? e with { Status = e.Status with { Items = w.Count } } : e).ToList();
            LoadRequestJoin.Write(run.RequestsPath, loadRequests, match.Rows, spec.Channel, writes);
        }

        var optionalBatches = expected.Where(e => e.Optional).Select(e => e.Status.BatchId!).ToHashSet(StringComparer.Ordinal);
        var throttles = start is { } from ? await ThrottlesAsync(run, from, cancellation) : new Dictionary<string, int>();
        var itemMismatches = expected
            .Where(e => spec.Workload == Workload.Writer)
            .Select(e => (e, Count: Convert.ToInt32(spec.Batches.First(b => b.Label == e.Step.Batch).Parameters["count"], CultureInfo.InvariantCulture)))
            .Where(x => x.e.Status.Items != x.Count)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.e.Status.BatchId}: {x.e.Status.Items?.ToString(CultureInfo.InvariantCulture) ?? "no"} DynamoDB items, expected {x.Count}"))
            .ToList();
        var steps = run.Plan.Steps.ToDictionary(s => s.Index);
        // What was sent, for the cost of the services around the functions: each step's message, and each load
        // request the service took (API Gateway bills a call it throttled with 429 as none), not the load step itself.
        var sent = entries
            .Where(e => e.BatchId is not null && e.State is JournalEntry.Started or JournalEntry.Resumed && (e.State == JournalEntry.Resumed || steps[e.Step].Kind != StepKind.Load))
            .Select(e => (Label: e.State == JournalEntry.Resumed ? spec.Batches[0].Label : steps[e.Step].Batch!, e.BatchId!))
            .Concat(loadRequests.Where(l => l.Request.Outcome != Load.Recording.LoadOutcome.Throttled).Select(l => (Label: l.Step.Batch!, l.Request.BatchId)))
            .ToList();
        var result = new CollectionResult
        {
            Rows = match.Rows,
            RunRows = ingested.Where(r => r.BatchId?.StartsWith(run.Plan.RunId, StringComparison.Ordinal) == true).ToList(),
            SentBatches = sent,
            // An optional expectation (an api request answered 500) counts where its REPORT line was found.
            Expected = expected.Count(e => !e.Optional) + match.Rows.Count(r => optionalBatches.Contains(r.BatchId!)),
            NotRun = notRun,
            Missing = match.Missing.Select(m => $"{Describe(m)}: no REPORT line").ToList(),
            Redeliveries = match.Redeliveries,
            ExcludedWarmups = match.Warmups,
            ExcludedAbandoned = match.Abandoned,
            ExcludedOther = match.Other,
            Conflicts = match.Conflicts,
            RejectedLines = rejected,
            Operations = operations.Count,
            ItemMismatches = itemMismatches,
            ItemsChecked = spec.Workload == Workload.Writer ? expected.Count(e => !e.Optional) : 0,
            Throttles = throttles?.Values.Sum(),
            ThrottlesByConfiguration = throttles,
            Attempts = attempts,
            FullInsightsWindows = insightsReader.FullWindows,
            LogRequests = target.Logs.Requests - requestsBefore,
            Setup = new Core.Summary.RunSetup(run.Plan.Rounds, spec.Protocol.Warmup, spec.Protocol.ColdStarts, spec.Protocol.Repetitions, spec.Protocol.ReservedConcurrency,
                run.Plan.Order.Name(), run.Plan.Seed, spec.Workload.Name(), spec.Channel.Name(), target.Platform.Name(), spec.Batches.Select(b => b.Label).ToList()),
        };
        AtomicFile.WriteAllText(run.CollectionPath, JsonSerializer.Serialize(result, Json) + "\n");
        return result;
    }

    /// <summary>The Throttles metric of each configuration's function from <paramref name="start"/> to now; null when CloudWatch refuses.</summary>
    private async Task<Dictionary<string, int>?> ThrottlesAsync(RunDirectory run, DateTimeOffset start, CancellationToken cancellation)
    {
        var end = DateTimeOffset.UtcNow.AddMinutes(1);
        try
        {
            var byConfiguration = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var configuration in run.Spec.Configurations)
            {
                byConfiguration[configuration.Name] = (int)await target.Metrics.LambdaMetricSumAsync(configuration.FunctionName(target.StackName, run.Spec.Workload), "Throttles", start, end, cancellation);
            }

            return byConfiguration;
        }
        catch (Exception e) when (e is Aws.AwsServiceException or HttpRequestException)
        {
            return null;
        }
    }

    private static string LogPath(RunDirectory run, string configuration) => Path.Combine(run.LogsDirectory, configuration + ".json");

    private List<string> rejected = [];
    private IReadOnlyList<OperationRecord> ingestedOperations = [];

    private List<InvocationRecord> Ingest(RunDirectory run)
    {
        var ingestor = new LogIngestor(new IngestOptions { Platform = target.Platform });
        var files = run.Spec.Configurations
            .Where(c => File.Exists(LogPath(run, c.Name)))
            .Select(c => (LogPath(run, c.Name), (IngestOptions?)new IngestOptions
            {
                Configuration = c.Name,
                FunctionName = c.FunctionName(target.StackName, run.Spec.Workload),
                Runtime = c.Runtime,
                Architecture = c.Architecture,
                Platform = target.Platform,
            }))
            .ToList();
        ingestor.AddFiles(files);
        var result = ingestor.Complete();
        rejected = result.Rejected.Select(r => r.ToString()).ToList();
        ingestedOperations = result.Operations;
        return result.Invocations.ToList();
    }

    private static MatchResult Match(List<Expected> expected, List<InvocationRecord> rows, HashSet<string> warmups, HashSet<string> abandoned)
    {
        var byRequest = rows.ToDictionary(r => r.RequestId, StringComparer.Ordinal);
        var byBatch = rows.Where(r => r.BatchId is not null).GroupBy(r => r.BatchId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var kept = new List<InvocationRecord>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var missing = new List<Expected>();
        var conflicts = new List<string>();
        var redeliveries = 0;
        foreach (var item in expected.OrderBy(e => e.Step.Index))
        {
            InvocationRecord? row = null;
            if (item.Status.RequestId is { } requestId)
            {
                row = byRequest.GetValueOrDefault(requestId);
                if (row?.BatchId is { } logged && logged != item.Status.BatchId)
                {
                    conflicts.Add($"{requestId}: the function logged batch {logged}, the journal says {item.Status.BatchId}");
                }
            }
            else if (item.Status.BatchId is { } batchId && byBatch.TryGetValue(batchId, out var deliveries))
            {
                // SQS: every delivery of the message ran; the first successful one is the measurement.
                var ordered = deliveries.OrderBy(r => r.TimestampUtc ?? DateTimeOffset.MaxValue).ToList();
                row = ordered.FirstOrDefault(r => r.Status == InvocationStatus.Success) ?? ordered[^1];
                redeliveries += ordered.Count - 1;
                used.UnionWith(ordered.Select(r => r.RequestId));
            }

            if (row is null)
            {
                if (!item.Optional)
                {
                    missing.Add(item);
                }

                continue;
            }

            used.Add(row.RequestId);
            kept.Add(row with { BatchId = item.Status.BatchId, Label = item.Step.Batch, Repetition = item.Step.Repetition, Round = item.Step.Round });
        }

        var rest = rows.Where(r => !used.Contains(r.RequestId)).ToList();
        var warmupCount = rest.Count(r => r.BatchId is { } b && (warmups.Contains(b) || b.EndsWith("-rewarm", StringComparison.Ordinal)));
        // A load request's batch id is its step's and its number: it was abandoned with its step.
        var abandonedCount = rest.Count(r => r.BatchId is { } b && abandoned.Contains(LoadRequest.StepBatchId(b) ?? b));
        return new MatchResult(kept, missing, redeliveries, warmupCount, abandonedCount, rest.Count - warmupCount - abandonedCount, conflicts);
    }

    private static string Describe(Expected item) => $"{ExperimentRunner.Describe(item.Step)} (batch {item.Status.BatchId}{(item.Status.RequestId is { } id ? $", request {id}" : string.Empty)})";

    /// <param name="Optional">a request that may or may not have reached the function (an HTTP API's 500 is a function
    /// error or a Lambda throttle): its REPORT line is joined where it exists, and never missing.</param>
    private sealed record Expected(PlanStep Step, StepStatus Status, bool Optional = false);

    /// <summary>A writer load's items, per request that was not throttled: their count and last write time.</summary>
    private async Task<IReadOnlyDictionary<string, (int Count, DateTimeOffset? LastWrite)>> ReadLoadWritesAsync(List<(PlanStep Step, LoadRequest Request)> requests, IProgress<string>? progress, CancellationToken cancellation)
    {
        var batchIds = requests.Where(r => r.Request.Outcome != Load.Recording.LoadOutcome.Throttled).Select(r => r.Request.BatchId).ToList();
        progress?.Report($"reading back the DynamoDB items of {batchIds.Count} requests");
        return await new WriterItems(target.DynamoDb, target.TableName).ReadAllAsync(batchIds, progress, cancellation);
    }

    private sealed record MatchResult(List<InvocationRecord> Rows, List<Expected> Missing, int Redeliveries, int Warmups, int Abandoned, int Other, List<string> Conflicts);
}
