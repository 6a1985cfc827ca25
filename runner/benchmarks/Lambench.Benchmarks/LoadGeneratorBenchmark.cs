using System.Diagnostics;
using System.Globalization;
using Lambench.Core.Statistics;
using Lambench.Load.Arrivals;
using Lambench.Load.Generation;
using Lambench.Load.Recording;
using Lambench.LocalPlatform;
using Lambench.Runner.Channels;
using Lambench.Runner.Execution;
using Lambench.Runner.Specs;
using Lambench.Tests.Shared;

namespace Lambench.Benchmarks;

/// <summary>
/// The load generator's own figures, each beside a peer in the same run: HDR recording per request against keeping
/// the values in lists (sorted once at the end), and the open-loop generator's send-time error at a constant rate
/// against a Task.Delay pacer, both offering the same schedule to the local platform's Go no-op through the runner's
/// invoke channel (signed Invoke requests, nothing retried).
/// </summary>
public static class LoadGeneratorBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rate = args.Length > 1 && args[0] == "--rate" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        Console.WriteLine($"Load generator benchmark, {Environment.ProcessorCount} cores.");
        Recording(10_000_000);
        await GeneratorAloneAsync(rate, TimeSpan.FromSeconds(10));
        await OfferedLoadAsync(rate, TimeSpan.FromSeconds(10));
        return 0;
    }

    private static void Recording(int requests)
    {
        var records = new RequestRecord[4096];
        var random = new Random(1);
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = new RequestRecord { IntendedUs = 0, SentUs = random.Next(0, 50), CompletedUs = random.Next(100, 5_000_000) };
        }

        Console.WriteLine();
        Console.WriteLine($"| recording {requests:N0} requests (3 values each) | ns per request, median of 3 |");
        Console.WriteLine("|---|---:|");
        var hdr = Median(() =>
        {
            var histograms = new LatencyHistograms();
            for (var i = 0; i < requests; i++)
            {
                histograms.Record(records[i & 4095]);
            }
        }, requests);
        var lists = Median(() =>
        {
            List<long> client = new(), service = new(), error = new();
            for (var i = 0; i < requests; i++)
            {
                ref var r = ref records[i & 4095];
                client.Add(r.ClientLatencyUs);
                service.Add(r.ServiceTimeUs);
                error.Add(r.SendErrorUs);
            }

            client.Sort();
            service.Sort();
            error.Sort();
        }, requests);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| HDR histograms (LongConcurrentHistogram × 3) | {hdr:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peer: three lists, sorted at the end | {lists:F1} |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| ratio HDR / lists | {hdr / lists:F2} |"));
    }

    /// <summary>Nanoseconds per item (of <paramref name="requests"/>) of <paramref name="run"/>: the median of three runs.</summary>
    internal static double Median(Action run, int requests)
    {
        var times = new List<double>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            times.Add(watch.Elapsed.TotalNanoseconds / requests);
        }

        return times.Order().ElementAt(1);
    }

    /// <summary>
    /// The generator's own send error, with a target that costs no CPU (an answer 2 ms later, from a timer), so that
    /// nothing but the generator and the machine decides when a request leaves.
    /// </summary>
    private static async Task GeneratorAloneAsync(double rate, TimeSpan duration)
    {
        LoadTarget timer = async (_, cancellation) =>
        {
            await Task.Delay(2, cancellation);
            return new LoadResponse(LoadOutcome.Ok);
        };
        var schedule = ArrivalSchedule.Offsets([new LoadSegment(ArrivalShape.Constant, duration, RatePerSecond: rate)], seed: 1).ToList();
        await CompareAsync(string.Create(CultureInfo.InvariantCulture, $"{rate:N0} requests/s for {duration.TotalSeconds:F0} s to a target answering 2 ms later (no server)"), schedule, timer);
    }

    /// <summary>The generator and the pacer, twice each, alternating, on one schedule and target.</summary>
    private static async Task CompareAsync(string title, IReadOnlyList<TimeSpan> schedule, LoadTarget target)
    {
        Console.WriteLine();
        Console.WriteLine($"| {title} | sent/s | ok/s | send error p50 (ms) | p99 (ms) | max (ms) | client latency p50 (ms) | p99 (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        for (var trial = 0; trial < 2; trial++)
        {
            Print("open-loop generator", await Measure(() => new OpenLoopGenerator().RunAsync(schedule, 256, target)));
            Print("peer: Task.Delay pacer", await Measure(() => PacerAsync(schedule, target)));
        }
    }

    private static async Task OfferedLoadAsync(double rate, TimeSpan duration)
    {
        var root = RepositoryPaths.Root();
        await using var platform = await LocalPlatform.LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            TemplatePath = Path.Combine(root, "infra", "template.yaml"),
            Port = 0,
            WorkDirectory = Path.Combine(root, ".lambench", "local-bench"),
        });
        using var http = new HttpClient();
        using var target = RunTargets.Local(http, platform.Endpoint, platform.DynamoDbEndpoint, "lambench", LocalPlatform.LocalPlatform.Region, LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey);
        var channel = InvocationChannels.For(Channel.Invoke, Workload.Noop, target, new ProtocolSpec());
        var configuration = new ConfigurationSpec("go", "x86_64", 128);
        const string function = "lambench-go-noop-x86_64";
        LoadTarget send = (sequence, cancellation) => channel.SubmitAsync(configuration, function, $"{{\"batch_id\":\"bench-{sequence}\",\"label\":\"noop\"}}", cancellation);
        var schedule = ArrivalSchedule.Offsets([new LoadSegment(ArrivalShape.Constant, duration, RatePerSecond: rate)], seed: 1).ToList();
        await new OpenLoopGenerator().RunAsync(schedule.Take((int)rate), 256, send); // warm environments and connections

        await CompareAsync(string.Create(CultureInfo.InvariantCulture, $"{rate:N0} requests/s offered for {duration.TotalSeconds:F0} s to the Go no-op (local platform)"), schedule, send);
    }

    private static async Task<List<RequestRecord>> Measure(Func<Task<LoadResult>> run) => (await run()).Records.All().ToList();

    /// <summary>The naive way: await Task.Delay until each intended time, then send; latency still counted from the intended time.</summary>
    private static async Task<LoadResult> PacerAsync(IReadOnlyList<TimeSpan> schedule, LoadTarget send)
    {
        var store = new RecordStore();
        var pending = new List<Task>(schedule.Count);
        var watch = Stopwatch.StartNew();
        foreach (var due in schedule)
        {
            var wait = due - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var sequence = store.Add((long)due.TotalMicroseconds, (long)watch.Elapsed.TotalMicroseconds);
            pending.Add(Task.Run(async () =>
            {
                var response = await send(sequence, CancellationToken.None);
                ref var record = ref store[sequence];
                record.CompletedUs = (long)watch.Elapsed.TotalMicroseconds;
                record.Outcome = response.Outcome;
            }));
        }

        await Task.WhenAll(pending);
        return new LoadResult(store, new LatencyHistograms(), watch.Elapsed, false, new Dictionary<string, long>());
    }

    private static void Print(string name, List<RequestRecord> records)
    {
        double P(IEnumerable<double> values, double percent) => Percentiles.Linear(values.Order().ToArray(), percent);
        var errors = records.Select(r => r.SendErrorUs / 1000.0).ToList();
        var latencies = records.Where(r => r.Outcome == LoadOutcome.Ok).Select(r => r.ClientLatencyUs / 1000.0).ToList();
        var span = records.Max(r => r.SentUs) / 1e6;
        var ok = records.Count(r => r.Outcome == LoadOutcome.Ok);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {records.Count / span:F0} | {ok / (records.Max(r => r.CompletedUs) / 1e6):F0} | {P(errors, 50):F3} | {P(errors, 99):F3} | {errors.Max():F3} | {P(latencies, 50):F2} | {P(latencies, 99):F2} |"));
    }
}
