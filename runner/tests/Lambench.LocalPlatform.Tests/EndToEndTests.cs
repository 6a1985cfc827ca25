using System.Text;
using System.Text.Json;
using Lambench.Core.Parsing;

namespace Lambench.LocalPlatform.Tests;

// The issue's client test: real functions, driven by the AWS CLI and boto3 against the platform's endpoints.
[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformCollection.Name)]
public sealed class EndToEndTests(PlatformFixture fixture)
{
    private readonly LocalPlatform platform = fixture.Platform;
    private readonly string output = Path.Combine(Path.GetTempPath(), "lambench-e2e-" + Guid.NewGuid().ToString("N") + ".json");

    private (JsonElement Result, string Tail, JsonElement Response) Invoke(string function, string payload)
    {
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "lambda", "invoke", "--function-name", function, "--payload", payload, "--cli-binary-format", "raw-in-base64-out", "--log-type", "Tail", output);
        Assert.True(exit == 0, stderr);
        var response = JsonDocument.Parse(stdout).RootElement.Clone();
        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(response.GetProperty("LogResult").GetString()!));
        var result = JsonDocument.Parse(File.ReadAllText(output)).RootElement.Clone();
        File.Delete(output);
        return (result, tail, response);
    }

    private static ReportLine Report(string tail) => LogMessageParser.Parse(tail.Split('\n').Single(l => l.StartsWith("REPORT", StringComparison.Ordinal))).Report;

    [Fact]
    public void A_go_function_starts_cold_then_stays_warm_and_its_report_is_found_with_filter_log_events()
    {
        var (first, firstTail, _) = Invoke("lambench-go-noop-x86_64", """{"batch_id": "e2e-1", "label": "cold-warm"}""");
        var (_, secondTail, _) = Invoke("lambench-go-noop-x86_64", """{"batch_id": "e2e-1", "label": "cold-warm"}""");
        Assert.Equal("e2e-1", first.GetProperty("batch_id").GetString());
        var cold = Report(firstTail);
        var warm = Report(secondTail);
        Assert.NotNull(cold.Metrics.InitDurationMs);
        Assert.Null(warm.Metrics.InitDurationMs);
        Assert.Equal(512, cold.Metrics.MemorySizeMb);
        Assert.True(warm.Metrics.MaxMemoryUsedMb > 0);
        // Billed Duration follows AWS's rule: provided.* bills Init, rounded up to the next ms.
        Assert.Equal(Math.Ceiling(Math.Round(cold.Metrics.DurationMs, 2) + cold.Metrics.InitDurationMs!.Value), cold.Metrics.BilledDurationMs!.Value, 0);
        Assert.Contains("\"batch_id\":\"e2e-1\"", firstTail); // the function's own tag line, with its request id
        Assert.Contains($"\"request_id\":\"{cold.RequestId}\"", firstTail);
        // As on AWS, the handler's lines come before END and REPORT (the platform waits for its stdout reader), and
        // the runtime's output-end marker, the platform's own, is never in the log.
        Assert.True(firstTail.IndexOf("\"batch_id\":\"e2e-1\"", StringComparison.Ordinal) < firstTail.IndexOf("END RequestId", StringComparison.Ordinal));
        Assert.DoesNotContain("LAMBENCH-OUTPUT-END", firstTail + secondTail);

        var (exit, stdout, stderr) = AwsClients.Aws(platform, "logs", "filter-log-events", "--log-group-name", "/aws/lambda/lambench-go-noop-x86_64", "--filter-pattern", $"REPORT \"{cold.RequestId}\"");
        Assert.True(exit == 0, stderr);
        var events = JsonDocument.Parse(stdout).RootElement.GetProperty("events");
        Assert.Equal(1, events.GetArrayLength());
        Assert.Equal(cold, LogMessageParser.Parse(events[0].GetProperty("message").GetString()).Report);
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy'/'MM'/'dd", System.Globalization.CultureInfo.InvariantCulture) + "/[$LATEST]", events[0].GetProperty("logStreamName").GetString());
    }

    [Fact]
    public void Logs_insights_answers_the_aws_cli_start_query_and_get_query_results()
    {
        var (_, tail, _) = Invoke("lambench-go-cpu-x86_64", """{"batch_id": "insights-1", "operation": "math", "data_size": 100, "iterations": 1}""");
        var report = Report(tail);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "logs", "start-query", "--log-group-name", "/aws/lambda/lambench-go-cpu-x86_64", "--start-time", start, "--end-time", end,
            "--query-string", "fields @timestamp, @message, @logStream | filter @message like /REPORT RequestId/ | sort @timestamp desc | limit 5");
        Assert.True(exit == 0, stderr);
        var id = JsonDocument.Parse(stdout).RootElement.GetProperty("queryId").GetString()!;

        // The first poll finds the query Running, as a client must be ready for; the next has the rows.
        var statuses = new List<string>();
        JsonElement answer;
        do
        {
            (exit, stdout, stderr) = AwsClients.Aws(platform, "logs", "get-query-results", "--query-id", id);
            Assert.True(exit == 0, stderr);
            answer = JsonDocument.Parse(stdout).RootElement.Clone();
            statuses.Add(answer.GetProperty("status").GetString()!);
        }
        while (statuses[^1] == "Running" && statuses.Count < 5);

        Assert.Equal(["Running", "Complete"], statuses);
        var first = answer.GetProperty("results")[0].EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!, f => f.GetProperty("value").GetString()!);
        Assert.Equal(report, LogMessageParser.Parse(first["@message"]).Report); // the newest REPORT line first
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$", first["@timestamp"]);
        Assert.Contains("@ptr", first.Keys);
        Assert.True(answer.GetProperty("statistics").GetProperty("recordsScanned").GetDouble() >= 1);

        (exit, _, stderr) = AwsClients.Aws(platform, "logs", "start-query", "--log-group-name", "/aws/lambda/lambench-go-cpu-x86_64", "--start-time", start, "--end-time", end, "--query-string", "stats count(*) by bin(5m)");
        Assert.NotEqual(0, exit);
        Assert.Contains("MalformedQueryException", stderr);
        Assert.Contains("not 'stats'", stderr);
    }

    [Fact]
    public void Cloudwatch_get_metric_statistics_counts_throttles_and_invocations_for_the_aws_cli()
    {
        const string function = "lambench-go-writer-x86_64";
        var window = new[] { "--start-time", DateTime.UtcNow.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), "--end-time", DateTime.UtcNow.AddMinutes(10).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) };
        double Sum(string metric)
        {
            var (exit, stdout, stderr) = AwsClients.Aws(platform, ["cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name", metric, "--dimensions", $"Name=FunctionName,Value={function}", .. window, "--period", "60", "--statistics", "Sum"]);
            Assert.True(exit == 0, stderr);
            var answer = JsonDocument.Parse(stdout).RootElement;
            Assert.Equal(metric, answer.GetProperty("Label").GetString());
            return answer.GetProperty("Datapoints").EnumerateArray().Sum(p => p.GetProperty("Sum").GetDouble());
        }

        var invocationsBefore = Sum("Invocations");
        var throttlesBefore = Sum("Throttles");
        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "put-function-concurrency", "--function-name", function, "--reserved-concurrent-executions", "0").Exit);
        for (var i = 0; i < 2; i++)
        {
            var (exit, _, stderr) = AwsClients.Aws(platform, "lambda", "invoke", "--function-name", function, "--payload", "{}", "--cli-binary-format", "raw-in-base64-out", output);
            Assert.NotEqual(0, exit);
            Assert.Contains("TooManyRequestsException", stderr);
        }

        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "delete-function-concurrency", "--function-name", function).Exit);
        Invoke(function, """{"batch_id": "metrics-1", "size_bytes": 10, "count": 1}""");
        // Every refused request is a throttle, and AWS CLI v2 makes 3 attempts a call (its standard retry mode).
        Assert.Equal((throttlesBefore + 6, invocationsBefore + 1), (Sum("Throttles"), Sum("Invocations")));

        // A metric nobody wrote has no data points, as on CloudWatch; a percentile is refused, which CloudWatch answers.
        var (unknown, stdout, error) = AwsClients.Aws(platform, ["cloudwatch", "get-metric-statistics", "--namespace", "AWS/EC2", "--metric-name", "CPUUtilization", .. window, "--period", "60", "--statistics", "Sum"]);
        Assert.True(unknown == 0, error);
        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetProperty("Datapoints").GetArrayLength());
        var (failed, _, refusal) = AwsClients.Aws(platform, ["cloudwatch", "get-metric-statistics", "--namespace", "AWS/Lambda", "--metric-name", "Invocations", .. window, "--period", "60", "--extended-statistics", "p99"]);
        Assert.NotEqual(0, failed);
        Assert.Contains("InvalidParameterCombination", refusal);
    }

    [Fact]
    public void A_configuration_change_forces_a_cold_start()
    {
        Invoke("lambench-python-noop-x86_64", "{}");
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "lambda", "update-function-configuration", "--function-name", "lambench-python-noop-x86_64", "--environment", "Variables={TABLE_NAME=lambench-writes,FORCE_COLD=1}");
        Assert.True(exit == 0, stderr);
        Assert.Equal("InProgress", JsonDocument.Parse(stdout).RootElement.GetProperty("LastUpdateStatus").GetString());
        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "wait", "function-updated", "--function-name", "lambench-python-noop-x86_64").Exit);
        var (_, tail, _) = Invoke("lambench-python-noop-x86_64", "{}");
        Assert.NotNull(Report(tail).Metrics.InitDurationMs);
        var configuration = JsonDocument.Parse(AwsClients.Aws(platform, "lambda", "get-function-configuration", "--function-name", "lambench-python-noop-x86_64").Output).RootElement;
        Assert.Equal(("Successful", "1"), (configuration.GetProperty("LastUpdateStatus").GetString(), configuration.GetProperty("Environment").GetProperty("Variables").GetProperty("FORCE_COLD").GetString()));
    }

    [Fact]
    public void A_handler_that_raises_or_exits_gives_status_error_and_a_fresh_environment()
    {
        var (error, tail, response) = Invoke("lambench-python-sleep-x86_64", """{"sleep_ms": "x"}""");
        Assert.Equal("Unhandled", response.GetProperty("FunctionError").GetString());
        Assert.Equal("ValueError", error.GetProperty("errorType").GetString());
        Assert.Equal(("error", "Runtime.HandlerError"), (Report(tail).Metrics.Status, Report(tail).Metrics.ErrorType));
        Assert.NotNull(Report(Invoke("lambench-python-sleep-x86_64", """{"sleep_ms": 1}""").Tail).Metrics.InitDurationMs); // replaced

        var (exited, exitTail, _) = Invoke("lambench-go-noop-x86_64", """{"fail": "exit"}""");
        Assert.Equal("Runtime.ExitError", exited.GetProperty("errorType").GetString());
        Assert.Contains("Runtime exited with error: exit status 3", exited.GetProperty("errorMessage").GetString());
        Assert.Equal(("error", "Runtime.ExitError"), (Report(exitTail).Metrics.Status, Report(exitTail).Metrics.ErrorType));
    }

    [Fact]
    public void A_hang_is_killed_at_the_timeout()
    {
        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "update-function-configuration", "--function-name", "lambench-go-sleep-x86_64", "--timeout", "1").Exit);
        var (error, tail, _) = Invoke("lambench-go-sleep-x86_64", """{"sleep_ms": 5000}""");
        var report = Report(tail);
        Assert.Equal(("timeout", 1000.0, 1000.0), (report.Metrics.Status, report.Metrics.DurationMs, report.Metrics.BilledDurationMs!.Value - (report.Metrics.InitDurationMs is { } init ? Math.Ceiling(1000 + init) - 1000 : 0)));
        Assert.Contains("Task timed out after 1.00 seconds", tail);
        Assert.Equal("Sandbox.Timedout", error.GetProperty("errorType").GetString());
    }

    [Fact]
    public void Reserved_concurrency_zero_throttles_with_awss_error()
    {
        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "put-function-concurrency", "--function-name", "lambench-go-cpu-x86_64", "--reserved-concurrent-executions", "0").Exit);
        var (exit, _, stderr) = AwsClients.Aws(platform, "--cli-read-timeout", "5", "lambda", "invoke", "--function-name", "lambench-go-cpu-x86_64", output);
        Assert.NotEqual(0, exit);
        Assert.Contains("TooManyRequestsException", stderr);
        Assert.Contains("Rate Exceeded.", stderr);
        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "delete-function-concurrency", "--function-name", "lambench-go-cpu-x86_64").Exit);
        Assert.Equal(504, Invoke("lambench-go-cpu-x86_64", """{"operation": "math", "data_size": 1000, "iterations": 2}""").Result.GetProperty("checksum").GetInt32());
    }

    [Fact]
    public void Bad_requests_get_aws_errors_the_cli_shows()
    {
        var (exit, _, stderr) = AwsClients.Aws(platform, "lambda", "get-function", "--function-name", "no-such-function");
        Assert.NotEqual(0, exit);
        Assert.Contains("ResourceNotFoundException", stderr);
        Assert.Contains("Function not found: arn:aws:lambda:us-east-1:000000000000:function:no-such-function", stderr);
        (exit, _, stderr) = AwsClients.Aws(platform, "lambda", "invoke", "--function-name", "lambench-go-noop-x86_64", "--payload", "not json", "--cli-binary-format", "raw-in-base64-out", output);
        Assert.Contains("InvalidRequestContentException", stderr);
        (exit, _, stderr) = AwsClients.Aws(platform, "lambda", "update-function-configuration", "--function-name", "lambench-go-noop-x86_64", "--memory-size", "20000");
        Assert.Contains("InvalidParameterValueException", stderr);
        (exit, _, stderr) = AwsClients.Aws(platform, "logs", "filter-log-events", "--log-group-name", "/aws/lambda/none");
        Assert.Contains("ResourceNotFoundException", stderr);
    }

    [Fact]
    public void Go_arm64_runs_under_qemu_and_all_editions_agree_on_the_checksums()
    {
        const string payload = """{"operation": "sort", "data_size": 2000, "iterations": 2}""";
        var x86 = Invoke("lambench-go-cpu-x86_64", payload).Result.GetProperty("checksum").GetInt64();
        var (arm, _, _) = Invoke("lambench-go-cpu-arm64", payload);
        var python = Invoke("lambench-python-cpu-x86_64", payload).Result.GetProperty("checksum").GetInt64();
        Assert.Equal(x86, arm.GetProperty("checksum").GetInt64());
        Assert.Equal(x86, python);
        var configuration = JsonDocument.Parse(AwsClients.Aws(platform, "lambda", "get-function-configuration", "--function-name", "lambench-go-cpu-arm64").Output).RootElement;
        Assert.Equal("arm64", configuration.GetProperty("Architectures")[0].GetString());
    }

    [Fact]
    public void An_arm64_python_function_is_refused_not_relabelled()
    {
        var (exit, _, stderr) = AwsClients.Aws(platform, "lambda", "invoke", "--function-name", "lambench-python-noop-arm64", output);
        Assert.NotEqual(0, exit);
        Assert.Contains("never relabels architectures", stderr);
    }

    [Fact]
    public void Boto3_invokes_and_pages_through_filter_log_events()
    {
        var (exit, stdout, stderr) = AwsClients.Boto3(platform, """
            import json, sys, boto3
            endpoint = sys.argv[1]
            lam = boto3.client("lambda", endpoint_url=endpoint)
            logs = boto3.client("logs", endpoint_url=endpoint)
            ids = []
            for i in range(3):
                r = lam.invoke(FunctionName="lambench-go-sleep-arm64", Payload=json.dumps({"batch_id": "boto", "sleep_ms": 10}))
                assert "FunctionError" not in r, r
                ids.append(r["ResponseMetadata"]["RequestId"])
            found, pages = [], 0
            for page in logs.get_paginator("filter_log_events").paginate(logGroupName="/aws/lambda/lambench-go-sleep-arm64", filterPattern="REPORT", PaginationConfig={"PageSize": 1}):
                pages += 1
                found += [e["message"].split()[2] for e in page["events"]]
            print(json.dumps({"ids": ids, "found": found, "pages": pages}))
            """);
        Assert.True(exit == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        var ids = result.GetProperty("ids").EnumerateArray().Select(e => e.GetString()).ToList();
        var found = result.GetProperty("found").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.All(ids, id => Assert.Contains(id, found));
        Assert.True(result.GetProperty("pages").GetInt32() >= 3);
    }

    [Theory]
    [InlineData("lambench-go-writer-x86_64")]
    [InlineData("lambench-python-writer-x86_64")]
    public void The_writer_puts_its_items_in_dynalite_where_aws_dynamodb_query_finds_them(string function)
    {
        var batch = "e2e-" + function;
        var (result, tail, _) = Invoke(function, $$"""{"batch_id": "{{batch}}", "size_bytes": 1024, "count": 100, "label": "1KBx100"}""");
        Assert.Equal(100, result.GetProperty("results")[0].GetProperty("items_written").GetInt32());
        Assert.Equal("success", Report(tail).Metrics.Status);
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "--endpoint-url", platform.DynamoDbEndpoint!.ToString().TrimEnd('/'), "dynamodb", "query", "--table-name", "lambench-writes",
            "--key-condition-expression", "pk = :pk", "--expression-attribute-values", $$$"""{":pk": {"S": "batch_id#{{{batch}}}"}}""", "--select", "COUNT");
        Assert.True(exit == 0, stderr);
        Assert.Equal(100, JsonDocument.Parse(stdout).RootElement.GetProperty("Count").GetInt32());
    }

    // The platform's logs go through the foundation's ingest as AWS's do: `aws logs filter-log-events` output in,
    // one row per request id out, tagged with the batch the function logged, and labelled platform=local.
    [Fact]
    public void Filter_log_events_output_ingests_into_local_rows_matched_by_request_id()
    {
        var batch = "ingest-" + Guid.NewGuid().ToString("N")[..8];
        var requestIds = Enumerable.Range(0, 5).Select(i => Report(Invoke("lambench-go-cpu-arm64", $$$"""{"batch_id": "{{{batch}}}", "label": "ingest", "repetition": {{{i}}}, "data_size": 10}""").Tail).RequestId).ToList();
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "logs", "filter-log-events", "--log-group-name", "/aws/lambda/lambench-go-cpu-arm64");
        Assert.True(exit == 0, stderr);
        var file = Path.Combine(Path.GetTempPath(), $"lambench-{batch}.json");
        File.WriteAllText(file, stdout);
        try
        {
            var ingestor = new Lambench.Core.Ingest.LogIngestor(new Lambench.Core.Ingest.IngestOptions { Configuration = "go-arm64", Runtime = "provided.al2023", Architecture = "arm64", Platform = Lambench.Core.Vocabulary.Platform.Local });
            ingestor.AddFile(file);
            var rows = ingestor.Complete().Invocations.Where(r => r.BatchId == batch).OrderBy(r => r.Repetition).ToList();
            Assert.Equal(requestIds, rows.Select(r => r.RequestId));
            Assert.All(rows, r => Assert.Equal(("local", "arm64", "ingest", 512), (r.Platform, r.Architecture, r.Label, r.MemorySizeMb!.Value)));
            Assert.Equal([0, 1, 2, 3, 4], rows.Select(r => r.Repetition!.Value));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
