using System.Globalization;
using Lambench.Core.Csv;
using Lambench.Runner.Loads;

namespace Lambench.Runner.Tests;

/// <summary>Load specs end to end on the local platform: the requests sent, their REPORT lines, and requests.csv.</summary>
[Collection(PlatformTests.Name)]
[Trait("Tier", "system")]
public sealed class LoadRunTests
{
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    private static double Number(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_open_loop_load_sends_the_planned_requests_and_each_is_joined_with_its_report_line()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, _, collection) = await local.RunAsync("""
            name: load-invoke
            workload: noop
            channel: invoke
            configurations: { runtimes: [go], architectures: [x86_64], memory_mb: [256] }
            batches: [{ label: noop }]
            protocol: { rounds: 1, warmup: 1, reserved_concurrency: none, order: fixed }
            load:
              open: [{ shape: constant, rate_per_s: 40, duration_s: 2 }, { shape: burst, requests: 10, duration_s: 1 }]
              max_outstanding: 50
            """);

        var requests = LoadRequestFile.Read(Directory.GetFiles(run.LoadsDirectory, "*.csv").Single(f => !f.EndsWith(".queue.csv", StringComparison.Ordinal)));
        // The plan: 40/s for 2 s is 80 requests at 0, 25, …, 1975 ms, then a burst of 10 at 2,000 ms.
        Assert.Equal(Enumerable.Range(0, 80).Select(i => i * 25.0).Concat(Enumerable.Repeat(2000.0, 10)), requests.Select(r => r.IntendedMs));
        Assert.All(requests, r => Assert.NotNull(r.RequestId));
        Assert.Equal((90, 90, 0), (collection.Expected, collection.Found, collection.Missing.Count));

        // requests.csv against its own columns and invocations.csv, recomputed here: platform and network share =
        // client latency − Duration − Init, each request with the REPORT line of its request id.
        var rows = ReadCsv(run.RequestsPath);
        var reports = InvocationCsvReader.ReadFile(run.InvocationsPath).ToDictionary(r => r.RequestId);
        Assert.Equal(90, rows.Count);
        // The report's reader takes what the collector wrote.
        Assert.Equal(90, Lambench.Analysis.Load.ClientRequestsFile.Read(run.RequestsPath).Count(r => r.Outcome == "ok"));
        foreach (var row in rows)
        {
            var report = reports[row["request_id"]];
            Assert.Equal(report.DurationMs, Number(row["duration_ms"]), 3);
            var expected = Number(row["client_latency_ms"]) - report.DurationMs - (report.InitDurationMs ?? 0);
            Assert.Equal(expected, Number(row["platform_network_ms"]), 0.002); // three cells each rounded to 0.001 ms
            Assert.True(Number(row["client_latency_ms"]) >= Number(row["service_time_ms"]));
            Assert.Equal(string.Empty, row["to_start_ms"]);
        }
    }

    [Fact]
    public async Task Behind_the_http_api_a_lambda_throttle_is_a_500_without_a_report_line_and_each_served_request_is_joined_by_its_batch_id()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, _, collection) = await local.RunAsync("""
            name: load-api
            workload: sleep
            channel: api
            configurations: { runtimes: [go], architectures: [x86_64], memory_mb: [128] }
            batches: [{ label: pay, sleep_ms: 400 }]
            protocol: { rounds: 1, warmup: 1, reserved_concurrency: 2, order: fixed }
            load:
              open: [{ shape: burst, requests: 6, duration_s: 1 }, { shape: constant, rate_per_s: 4, duration_s: 1 }]
            """);

        // Six at once against 2 concurrent executions: 2 served, 4 throttled by Lambda, which API Gateway answers
        // with a 500 as it answers a function error. Then 4 a second, one every 250 ms, each served in ~400 ms: at
        // most 2 in flight, so all served (a request can meet a still-busy environment, so at least 3 of 4).
        var rows = ReadCsv(run.RequestsPath);
        Assert.Equal(10, rows.Count);
        var burst = rows.Where(r => Number(r["sequence"]) < 6).ToList();
        Assert.Equal(2, burst.Count(r => r["outcome"] == "ok"));
        Assert.Equal(4, burst.Count(r => r["outcome"] == "error"));
        Assert.All(burst.Where(r => r["outcome"] == "error"), r => Assert.Equal((string.Empty, string.Empty), (r["request_id"], r["duration_ms"])));
        Assert.True(rows.Skip(6).Count(r => r["outcome"] == "ok") >= 3);

        // Every served request's REPORT line, found by its batch id: the function's request id and Duration beside it,
        // and the platform and network share recomputed here from invocations.csv.
        var served = rows.Where(r => r["outcome"] == "ok").ToList();
        Assert.Equal((served.Count, served.Count, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        var reports = InvocationCsvReader.ReadFile(run.InvocationsPath).ToDictionary(r => r.RequestId);
        foreach (var row in served)
        {
            var report = reports[row["request_id"]];
            Assert.Equal(row["batch_id"], report.BatchId);
            Assert.True(report.DurationMs >= 400);
            Assert.Equal(Number(row["client_latency_ms"]) - report.DurationMs - (report.InitDurationMs ?? 0), Number(row["platform_network_ms"]), 0.002);
        }
    }

    [Fact]
    public async Task Behind_the_http_api_a_function_error_is_a_500_whose_report_line_is_joined_and_counted()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, _, collection) = await local.RunAsync("""
            name: load-api-errors
            workload: noop
            channel: api
            configurations: { runtimes: [python], architectures: [x86_64], memory_mb: [128] }
            batches: [{ label: fails, fail: raise }]
            protocol: { rounds: 1, warmup: 1, reserved_concurrency: none, order: fixed }
            load: { open: [{ shape: constant, rate_per_s: 5, duration_s: 1 }] }
            """);

        // Every request reached the function, which raised: 500s, each with its REPORT line (status error), found by
        // its batch id. A throttle's 500 has none (the test above); this is how requests.csv tells them apart.
        var rows = ReadCsv(run.RequestsPath);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal(("error", "error"), (r["outcome"], r["status"])));
        Assert.All(rows, r => Assert.True(Guid.TryParse(r["request_id"], out _)));
        Assert.Equal((5, 5, 0, 0), (collection.Expected, collection.Found, collection.Missing.Count, collection.ExcludedOther));
    }

    [Fact]
    public async Task An_sqs_load_finds_each_messages_invocation_by_its_batch_id_and_times_the_send_to_the_functions_start_and_to_its_items()
    {
        await using var local = await LocalRun.StartAsync();
        var (run, _, collection) = await local.RunAsync("""
            name: load-sqs
            workload: writer
            channel: sqs
            configurations: { runtimes: [python], architectures: [x86_64], memory_mb: [256] }
            batches: [{ label: 1KBx2, size_bytes: 1024, count: 2 }]
            protocol: { rounds: 1, warmup: 1, reserved_concurrency: none, order: fixed, drain_timeout_s: 60 }
            load:
              closed: { users: 2, think_ms: 200, duration_s: 2 }
            """);

        var requests = LoadRequestFile.Read(Directory.GetFiles(run.LoadsDirectory, "*.csv").Single(f => !f.EndsWith(".queue.csv", StringComparison.Ordinal)));
        Assert.InRange(requests.Count, 4, 22); // two users, a send takes a few milliseconds, then 200 ms of thinking
        Assert.Equal((requests.Count, requests.Count, 0), (collection.Expected, collection.Found, collection.Missing.Count));
        var rows = ReadCsv(run.RequestsPath);
        Assert.Single(Directory.GetFiles(run.LoadsDirectory, "*.queue.csv"));
        using (var journal = Lambench.Runner.Journal.RunJournal.Open(run.JournalPath))
        {
            Assert.Contains(journal.Entries, e => e.Detail?.Contains("queue drained", StringComparison.Ordinal) == true && e.Detail.Contains("at its deepest", StringComparison.Ordinal));
        }

        Assert.All(rows, r =>
        {
            Assert.Equal(string.Empty, r["platform_network_ms"]);
            // From the send to the function's start (REPORT time − Duration − Init): after the send, within the drain.
            Assert.InRange(Number(r["to_start_ms"]), -5, 30_000);
            // To the durable effect (the last item's written_us): after the start, before the invocation ended.
            var end = Number(r["to_start_ms"]) + Number(r["duration_ms"]) + (r["init_duration_ms"] is { Length: > 0 } init ? Number(init) : 0);
            Assert.InRange(Number(r["to_effect_ms"]), Number(r["to_start_ms"]) - 2, end + 2); // log times are whole ms
        });

        // Every request's two items were read back, and one request's time to its effect recomputed here from the
        // items as the AWS CLI reads them.
        Assert.Equal((requests.Count, 0), (collection.ItemsChecked, collection.ItemMismatches.Count));
        var first = requests[0];
        var query = AwsCli(local, "--endpoint-url", local.Platform.DynamoDbEndpoint!.ToString().TrimEnd('/'), "dynamodb", "query", "--table-name", "lambench-writes", "--consistent-read",
            "--key-condition-expression", "pk = :pk", "--expression-attribute-values", $$$"""{":pk": {"S": "batch_id#{{{first.BatchId}}}"}}""");
        var written = System.Text.Json.JsonDocument.Parse(query).RootElement.GetProperty("Items").EnumerateArray()
            .Max(i => long.Parse(i.GetProperty("written_us").GetProperty("N").GetString()!, CultureInfo.InvariantCulture));
        var expected = (DateTimeOffset.UnixEpoch.AddTicks(written * 10) - first.SentUtc).TotalMilliseconds;
        Assert.Equal(expected, Number(rows.Single(r => r["batch_id"] == first.BatchId)["to_effect_ms"]), 0.001);
    }

    /// <summary>The AWS CLI v2 (Debian's awscli), with the platform's key.</summary>
    private static string AwsCli(LocalRun local, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/usr/bin/aws") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args.Append("--output").Append("json"))
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in local.Platform.ClientEnvironment)
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output.Result;
    }
}
