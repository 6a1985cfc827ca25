using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lambench.Core.Parsing;
using Lambench.Core.Statistics;
using Lambench.LocalPlatform;
using Lambench.LocalPlatform.Functions;
using Lambench.Tests.Shared;

namespace Lambench.Benchmarks;

/// <summary>
/// The local platform's own cost, Go and Python side by side in one run: warm invoke overhead (REPORT Duration minus
/// the time the handler measured itself), invocations per second at concurrency 1 and 4, and cold-start Init against
/// the bare start of the same process (runtime started, handler loaded, first Runtime API call refused).
/// </summary>
public static class LocalPlatformBenchmark
{
    private static readonly string[] Functions = ["lambench-go-noop-x86_64", "lambench-python-noop-x86_64"];

    public static async Task<int> RunAsync(string[] args)
    {
        var invocations = args.Length > 1 && args[0] == "--invocations" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2000;
        var root = RepositoryPaths.Root();
        var work = Path.Combine(root, ".lambench", "local-bench");
        await using var platform = await LocalPlatform.LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            TemplatePath = Path.Combine(root, "infra", "template.yaml"),
            Port = 0,
            WorkDirectory = work,
        });
        using var client = new HttpClient { BaseAddress = platform.Endpoint };
        Console.WriteLine($"Local platform benchmark: {invocations} warm invocations per function and concurrency, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("| function | concurrency | overhead p50 (ms) | overhead p99 (ms) | invocations/s |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var concurrency in new[] { 1, 4 })
        {
            foreach (var function in Functions)
            {
                for (var round = 0; round < 5; round++)
                {
                    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => InvokeAsync(client, function))); // warm environments
                }

                var overheads = new List<double>();
                var clock = Stopwatch.StartNew();
                await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
                {
                    for (var i = 0; i < invocations / concurrency; i++)
                    {
                        var (report, handlerMs) = await InvokeAsync(client, function);
                        lock (overheads)
                        {
                            overheads.Add(report.Metrics.DurationMs - handlerMs);
                        }
                    }
                }));
                var rate = overheads.Count / clock.Elapsed.TotalSeconds;
                var sorted = overheads.Order().ToArray();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {function} | {concurrency} | {Percentiles.Linear(sorted, 50):F3} | {Percentiles.Linear(sorted, 99):F3} | {rate:F0} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine("| function | Init p50 (ms) | bare process start p50 (ms) | Init / bare |");
        Console.WriteLine("|---|---:|---:|---:|");
        var launcher = new RuntimeLauncher(work);
        foreach (var function in Functions)
        {
            var inits = new List<double>();
            var bare = new List<double>();
            var host = platform.Functions[function];
            for (var i = 0; i < 15; i++)
            {
                var variables = new Dictionary<string, string>(host.State.Environment) { ["BENCH_COLD"] = i.ToString(CultureInfo.InvariantCulture) };
                host.Update(null, null, variables);
                var (report, _) = await InvokeAsync(client, function);
                inits.Add(report.Metrics.InitDurationMs ?? double.NaN);

                // The same command, runtime API refused at once: process start, runtime and handler load, one failed call.
                var start = await launcher.StartInfoAsync(host.State, "bare", "127.0.0.1:9", "bare", new Dictionary<string, string>());
                var clock = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                bare.Add(clock.Elapsed.TotalMilliseconds);
            }

            var initP50 = Percentiles.Linear(inits.Order().ToArray(), 50);
            var bareP50 = Percentiles.Linear(bare.Order().ToArray(), 50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {function} | {initP50:F1} | {bareP50:F1} | {initP50 / bareP50:F2} |"));
        }

        return 0;
    }

    private static async Task<(ReportLine Report, double HandlerMs)> InvokeAsync(HttpClient client, string function)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(client.BaseAddress!, $"/2015-03-31/functions/{function}/invocations"))
        {
            Content = new StringContent("""{"batch_id": "bench"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Log-Type", "Tail");
        // Signed as every client of the platform signs (the runner, the AWS CLI, boto3): its cost is part of invocations/s.
        Lambench.Runner.Aws.SigV4Signer.Sign(request, """{"batch_id": "bench"}"""u8.ToArray(), new Amazon.Runtime.ImmutableCredentials(LocalPlatform.LocalPlatform.AccessKeyId, LocalPlatform.LocalPlatform.SecretAccessKey, null), LocalPlatform.LocalPlatform.Region, "lambda", DateTime.UtcNow);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));
        var report = LogMessageParser.Parse(tail.Split('\n').Single(l => l.StartsWith("REPORT", StringComparison.Ordinal))).Report;
        return (report, JsonDocument.Parse(body).RootElement.GetProperty("handler_ms").GetDouble());
    }
}
