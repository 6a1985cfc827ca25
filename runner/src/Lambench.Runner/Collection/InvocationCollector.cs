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
        var scope = CollectionScope.Of(run);
        var requestsBefore = target.Logs.Requests;
        var insightsReader = new InsightsLogReader(target.Logs, target.InsightsPollInterval, time: target.Time);
        var (match, ingested, attempts) = await FetchUntilMatchedAsync(run, scope, insightsReader, progress, cancellation);

        InvocationCsvWriter.WriteFile(run.InvocationsPath, match.Rows);
        var operations = OperationCsvFile.JoinedWith(ingestedOperations, match.Rows);
        OperationCsvFile.WriteOrRemove(run.OperationsPath, operations);
        var expected = scope.Expected;
        if (spec.Load is not null)
        {
            var writes = spec.Workload == Workload.Writer ? await ReadLoadWritesAsync(scope.LoadRequests, progress, cancellation) : null;
            expected = expected.Select(e => writes is not null && e.Step.Kind == StepKind.Load && writes.TryGetValue(e.Status.BatchId!, out var w) ? e with { Status = e.Status with { Items = w.Count } } : e).ToList();
            LoadRequestJoin.Write(run.RequestsPath, scope.LoadRequests, match.Rows, spec.Channel, writes);
        }

        var optionalBatches = expected.Where(e => e.Optional).Select(e => e.Status.BatchId!).ToHashSet(StringComparer.Ordinal);
        var throttles = scope.Start is { } from ? await ThrottlesAsync(run, from, cancellation) : new Dictionary<string, int>();
        var result = new CollectionResult
        {
            Rows = match.Rows,
            RunRows = ingested.Where(r => r.BatchId?.StartsWith(run.Plan.RunId, StringComparison.Ordinal) == true).ToList(),
            SentBatches = scope.Sent(run),
            // An optional expectation (an api request answered 500) counts where its REPORT line was found.
            Expected = expected.Count(e => !e.Optional) + match.Rows.Count(r => optionalBatches.Contains(r.BatchId!)),
            NotRun = scope.NotRun,
            Missing = match.Missing.Select(m => $"{Describe(m)}: no REPORT line").ToList(),
            Redeliveries = match.Redeliveries,
            ExcludedWarmups = match.Warmups,
            ExcludedAbandoned = match.Abandoned,
            ExcludedOther = match.Other,
            Conflicts = match.Conflicts,
            RejectedLines = rejected,
            Operations = operations.Count,
            ItemMismatches = CollectionScope.ItemMismatches(run, expected),
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

    /// <summary>
    /// Fetches the logs of every configuration with lines still missing, ingests and matches them, and asks again
    /// after a wait that doubles up to 30 s, until nothing is missing or the next wait would pass the collection
    /// timeout. Waits are on the target's clock.
    /// </summary>
    private async Task<(MatchResult Match, List<InvocationRecord> Ingested, int Attempts)> FetchUntilMatchedAsync(
        RunDirectory run, CollectionScope scope, InsightsLogReader insightsReader, IProgress<string>? progress, CancellationToken cancellation)
    {
        var spec = run.Spec;
        long? startMs = scope.Start?.ToUnixTimeMilliseconds();
        Directory.CreateDirectory(run.LogsDirectory);
        var byConfiguration = spec.Configurations.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var pending = spec.Configurations.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var clock = target.Time;
        var deadline = clock.GetUtcNow() + target.CollectionTimeout;
        var delay = target.CollectionRetryDelay;
        for (var attempts = 1; ; attempts++)
        {
            foreach (var name in pending.Order(StringComparer.Ordinal))
            {
                var function = byConfiguration[name].FunctionName(target.StackName, spec.Workload);
                progress?.Report($"fetching the logs of {function}{(attempts > 1 ? $" (attempt {attempts})" : string.Empty)}");
                var group = $"/aws/lambda/{function}";
                var insights = target.Collection == LogCollectionMethod.Insights
                    || (target.Collection == LogCollectionMethod.Auto && scope.Expected.Count(e => e.Step.Configuration == name) > InsightsThreshold);
                var events = insights
                    ? await insightsReader.ReadAsync(group, startMs ?? 0, clock.GetUtcNow().ToUnixTimeMilliseconds(), cancellation)
                    : await target.Logs.FilterLogEventsAsync(group, FilterPattern, startMs, cancellation);
                var document = new JsonObject { ["events"] = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()) };
                AtomicFile.WriteAllText(LogPath(run, name), document.ToJsonString(Json) + "\n");
            }

            var ingested = Ingest(run);
            var match = ReportMatcher.Match(scope.Expected, ingested, scope.WarmupBatches, scope.AbandonedBatches);
            pending = match.Missing.Select(m => m.Step.Configuration).ToHashSet(StringComparer.Ordinal);
            if (pending.Count == 0 || clock.GetUtcNow() + delay > deadline)
            {
                return (match, ingested, attempts);
            }

            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{match.Missing.Count} REPORT line(s) not arrived yet; asking again in {delay.TotalSeconds:F0} s"));
            await Task.Delay(delay, clock, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    /// <summary>The Throttles metric of each configuration's function from <paramref name="start"/> to now; null when CloudWatch refuses.</summary>
    private async Task<Dictionary<string, int>?> ThrottlesAsync(RunDirectory run, DateTimeOffset start, CancellationToken cancellation)
    {
        var end = target.Time.GetUtcNow().AddMinutes(1);
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

    private static string Describe(Expected item) => $"{ExperimentRunner.Describe(item.Step)} (batch {item.Status.BatchId}{(item.Status.RequestId is { } id ? $", request {id}" : string.Empty)})";

    /// <summary>A writer load's items, per request that was not throttled: their count and last write time.</summary>
    private async Task<IReadOnlyDictionary<string, (int Count, DateTimeOffset? LastWrite)>> ReadLoadWritesAsync(List<(PlanStep Step, LoadRequest Request)> requests, IProgress<string>? progress, CancellationToken cancellation)
    {
        var batchIds = requests.Where(r => r.Request.Outcome != Load.Recording.LoadOutcome.Throttled).Select(r => r.Request.BatchId).ToList();
        progress?.Report($"reading back the DynamoDB items of {batchIds.Count} requests");
        return await new WriterItems(target.DynamoDb, target.TableName).ReadAllAsync(batchIds, progress, cancellation);
    }

}
