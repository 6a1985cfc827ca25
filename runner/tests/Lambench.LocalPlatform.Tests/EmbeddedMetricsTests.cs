using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.Core.Metrics;
using Lambench.Core.Parsing;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The writer's embedded metric lines, in Python and Go, on the local platform: the same schema in both languages,
/// operations that fit in the handler's own time, and CloudWatch metrics that the AWS CLI and boto3 (Debian's, which
/// nobody here wrote) read back with GetMetricStatistics and GetMetricData.
/// </summary>
[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformCollection.Name)]
public sealed class EmbeddedMetricsTests(PlatformFixture fixture)
{
    private readonly LocalPlatform platform = fixture.Platform;

    /// <summary>Invokes a writer for 60 items of 100 bytes (three BatchWriteItem operations: 25, 25, 10); its request id and its EMF lines.</summary>
    private (string RequestId, string BatchId, List<EmbeddedMetricDocument> Lines) Write(string function) =>
        Invoke(function, """ "size_bytes": 100, "count": 60""");

    private (string RequestId, string BatchId, List<EmbeddedMetricDocument> Lines) Invoke(string function, string parameters)
    {
        var batchId = "emf-" + Guid.NewGuid().ToString("N")[..8];
        var output = Path.GetTempFileName();
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "lambda", "invoke", "--function-name", function, "--payload", $$"""{"batch_id": "{{batchId}}", "label": "emf", {{parameters}}}""", "--cli-binary-format", "raw-in-base64-out", "--log-type", "Tail", output);
        var answer = File.ReadAllText(output);
        File.Delete(output);
        Assert.True(exit == 0, stderr);
        Assert.False(JsonDocument.Parse(stdout).RootElement.TryGetProperty("FunctionError", out _), answer);
        var tail = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(JsonDocument.Parse(stdout).RootElement.GetProperty("LogResult").GetString()!));
        var requestId = LogMessageParser.Parse(tail.Split('\n').Single(l => l.StartsWith("REPORT", StringComparison.Ordinal))).Report.RequestId;
        var lines = platform.Logs.Find($"/aws/lambda/{function}")!.Snapshot()
            .Where(e => e.Message.Contains(requestId, StringComparison.Ordinal) && EmbeddedMetricFormat.LooksLikeEmf(e.Message))
            .Select(e => EmbeddedMetricFormat.TryParse(e.Message, out var document, out var reason) ? document! : throw new Xunit.Sdk.XunitException($"{function}: {reason}: {e.Message}"))
            .ToList();
        return (requestId, batchId, lines);
    }

    /// <summary>
    /// A line's shape: its _aws directives without the timestamp, and each root member's name with its JSON kind.
    /// Members of an object compare in name order (JSON leaves their order free; Go's encoder sorts them, Python's keeps
    /// insertion order); arrays keep theirs.
    /// </summary>
    private static string Schema(EmbeddedMetricDocument document)
    {
        var aws = JsonNode.Parse(document.Root.GetProperty("_aws").GetRawText())!.AsObject();
        aws.Remove("Timestamp");
        var members = document.Root.EnumerateObject().Where(p => p.Name != "_aws").Select(p => $"{p.Name}:{p.Value.ValueKind}").Order(StringComparer.Ordinal);
        return Canonical(aws)!.ToJsonString() + " " + string.Join(",", members);
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Canonical(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Canonical).ToArray()),
        _ => node?.DeepClone(),
    };

    private static double Metric(EmbeddedMetricDocument document, string name) => document.Metrics.Single(m => m.Name == name).Values.Single();

    [Fact]
    public void Python_and_go_writers_log_the_same_schema_and_their_operations_fit_in_the_handler_time()
    {
        var python = Write("lambench-python-writer-x86_64");
        var go = Write("lambench-go-writer-x86_64");
        foreach (var (requestId, batchId, lines) in new[] { python, go })
        {
            var operations = lines.Where(l => l.Text(FunctionMetricNames.Operation) is not null).OrderBy(l => l.Number(FunctionMetricNames.Sequence)).ToList();
            var handler = lines.Single(l => l.Text(FunctionMetricNames.Operation) is null);
            Assert.Equal([0.0, 1, 2], operations.Select(o => o.Number(FunctionMetricNames.Sequence)!.Value));
            Assert.Equal([25.0, 25, 10], operations.Select(o => Metric(o, FunctionMetricNames.OperationItems)));
            Assert.All(lines, l => Assert.Equal(requestId, l.Text(FunctionMetricNames.RequestId)));
            Assert.All(lines, l => Assert.Equal(batchId, l.Text(FunctionMetricNames.BatchId)));
            // Bytes worked out by hand: the names pk, sk, label, data, written_us are 23 bytes; the values are
            // "batch_id#" and the 12-character batch id (21), the index's digits, "emf" (3), 100 bytes of data and a
            // 16-digit microsecond time: 163 bytes plus the digits of the index.
            static double Bytes(int from, int to) => Enumerable.Range(from, to - from).Sum(i => 23 + 21 + i.ToString(CultureInfo.InvariantCulture).Length + 3 + 100 + 16);
            Assert.Equal([Bytes(0, 25), Bytes(25, 50), Bytes(50, 60)], operations.Select(o => Metric(o, FunctionMetricNames.OperationBytes)));
            Assert.All(operations, o => Assert.Equal((1.0, 0.0), (Metric(o, FunctionMetricNames.OperationAttempts), Metric(o, FunctionMetricNames.OperationThrottles))));
            // What the handler timed holds every operation it timed inside it.
            Assert.True(operations.Sum(o => Metric(o, FunctionMetricNames.OperationLatency)) <= Metric(handler, FunctionMetricNames.HandlerTime), $"{requestId}: operations outlast the handler");
        }

        Assert.Equal(python.Lines.Select(Schema).Distinct().Order(), go.Lines.Select(Schema).Distinct().Order());
    }

    [Fact]
    public void Python_and_go_readers_time_each_get_item_in_parallel_with_the_same_schema()
    {
        // The items the runner writes before a reader run (ReaderSeed): pk seed#<size_bytes>, sk 0..count-1, data.
        for (var index = 0; index < 5; index++)
        {
            var item = $$$"""{"pk": {"S": "seed#100"}, "sk": {"N": "{{{index}}}"}, "data": {"S": "{{{new string('x', 100)}}}"}}""";
            var (exit, _, stderr) = AwsClients.Aws(platform, "--endpoint-url", platform.DynamoDbEndpoint!.ToString().TrimEnd('/'), "dynamodb", "put-item", "--table-name", "lambench-writes", "--item", item);
            Assert.True(exit == 0, stderr);
        }

        var python = Invoke("lambench-python-reader-x86_64", """ "size_bytes": 100, "count": 5, "parallel": 3, "pool": 3, "client": "fresh" """);
        var go = Invoke("lambench-go-reader-x86_64", """ "size_bytes": 100, "count": 5, "parallel": 3, "pool": 3, "client": "fresh" """);
        foreach (var (requestId, _, lines) in new[] { python, go })
        {
            var reads = lines.Where(l => l.Text(FunctionMetricNames.Operation) == "GetItem").ToList();
            var handler = lines.Single(l => l.Text(FunctionMetricNames.Operation) is null);
            Assert.Equal([0.0, 1, 2, 3, 4], reads.Select(r => r.Number(FunctionMetricNames.Sequence)!.Value).Order());
            // By hand: names pk, sk, data (8 bytes), "seed#100" (8), one digit, 100 bytes of data: 117.
            Assert.All(reads, r => Assert.Equal((1.0, 117.0, 1.0), (Metric(r, FunctionMetricNames.OperationItems), Metric(r, FunctionMetricNames.OperationBytes), Metric(r, FunctionMetricNames.OperationAttempts))));
            // Each read lies inside the handler's own time, from its offset.
            Assert.All(reads, r => Assert.True(r.Number(FunctionMetricNames.Offset)!.Value + Metric(r, FunctionMetricNames.OperationLatency) <= Metric(handler, FunctionMetricNames.HandlerTime), $"{requestId}: a read outlasts the handler"));
        }

        Assert.Equal(python.Lines.Select(Schema).Distinct().Order(), go.Lines.Select(Schema).Distinct().Order());
    }

    [Fact]
    public void A_reader_whose_items_were_not_written_fails_and_says_why()
    {
        var output = Path.GetTempFileName();
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "lambda", "invoke", "--function-name", "lambench-go-reader-x86_64", "--payload", """{"batch_id": "emf-missing", "size_bytes": 77, "count": 1}""", "--cli-binary-format", "raw-in-base64-out", output);
        var answer = File.ReadAllText(output);
        File.Delete(output);
        Assert.True(exit == 0, stderr);
        Assert.Equal("Unhandled", JsonDocument.Parse(stdout).RootElement.GetProperty("FunctionError").GetString());
        Assert.Contains("item seed#77/0 is missing", answer);
    }

    [Fact]
    public void The_aws_cli_and_boto3_read_the_embedded_metrics_back_as_cloudwatch_metrics()
    {
        const string function = "lambench-go-writer-x86_64";
        var (_, _, lines) = Write(function);
        Assert.Equal(3, lines.Count(l => l.Text(FunctionMetricNames.Operation) is not null));
        // Every operation line the function has logged so far, other tests' included: what CloudWatch must count.
        var all = platform.Logs.Find($"/aws/lambda/{function}")!.Snapshot()
            .Where(e => EmbeddedMetricFormat.LooksLikeEmf(e.Message))
            .Select(e => EmbeddedMetricFormat.TryParse(e.Message, out var d, out _) ? d! : null)
            .OfType<EmbeddedMetricDocument>()
            .Where(d => d.Text(FunctionMetricNames.Operation) == "BatchWriteItem")
            .Select(d => Metric(d, FunctionMetricNames.OperationLatency))
            .ToList();
        var window = new[] { "--start-time", DateTime.UtcNow.AddMinutes(-30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), "--end-time", DateTime.UtcNow.AddMinutes(5).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
        var (exit, stdout, stderr) = AwsClients.Aws(platform, ["cloudwatch", "get-metric-statistics", "--namespace", "Lambench", "--metric-name", "OperationLatency",
            "--dimensions", $"Name=FunctionName,Value={function}", "Name=Operation,Value=BatchWriteItem", .. window, "--period", "3600", "--statistics", "SampleCount", "Sum", "Maximum"]);
        Assert.True(exit == 0, stderr);
        var points = JsonDocument.Parse(stdout).RootElement.GetProperty("Datapoints").EnumerateArray().ToList();
        Assert.Equal(all.Count, points.Sum(p => p.GetProperty("SampleCount").GetDouble()));
        Assert.Equal(all.Sum(), points.Sum(p => p.GetProperty("Sum").GetDouble()), 6);
        Assert.Equal(all.Max(), points.Max(p => p.GetProperty("Maximum").GetDouble()));
        Assert.All(points, p => Assert.Equal("Milliseconds", p.GetProperty("Unit").GetString()));

        // One dimension fewer is another series, which nobody wrote: no data points, as CloudWatch answers.
        (exit, stdout, stderr) = AwsClients.Aws(platform, ["cloudwatch", "get-metric-statistics", "--namespace", "Lambench", "--metric-name", "OperationLatency",
            "--dimensions", $"Name=FunctionName,Value={function}", .. window, "--period", "60", "--statistics", "Sum"]);
        Assert.True(exit == 0, stderr);
        Assert.Equal(0, JsonDocument.Parse(stdout).RootElement.GetProperty("Datapoints").GetArrayLength());

        (exit, stdout, stderr) = AwsClients.Boto3(platform, """
            import datetime, json, sys, boto3
            cloudwatch = boto3.client("cloudwatch", endpoint_url=sys.argv[1])
            now = datetime.datetime.now(datetime.timezone.utc)
            metric = {"Namespace": "Lambench", "MetricName": "OperationLatency",
                      "Dimensions": [{"Name": "Operation", "Value": "BatchWriteItem"}, {"Name": "FunctionName", "Value": sys.argv[2]}]}
            answer = cloudwatch.get_metric_data(StartTime=now - datetime.timedelta(minutes=30), EndTime=now + datetime.timedelta(minutes=5),
                MetricDataQueries=[{"Id": "n", "MetricStat": {"Metric": metric, "Period": 60, "Stat": "SampleCount"}},
                                   {"Id": "total", "MetricStat": {"Metric": metric, "Period": 60, "Stat": "Sum"}}])
            print(json.dumps({r["Id"]: [sum(r["Values"]), r["StatusCode"], r["Timestamps"] == sorted(r["Timestamps"], reverse=True)] for r in answer["MetricDataResults"]}))
            """, function);
        Assert.True(exit == 0, stderr);
        var data = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(all.Count, data.GetProperty("n")[0].GetDouble());
        Assert.Equal(all.Sum(), data.GetProperty("total")[0].GetDouble(), 6);
        Assert.Equal("Complete", data.GetProperty("n")[1].GetString());
        Assert.True(data.GetProperty("n")[2].GetBoolean(), "newest first, CloudWatch's default order");

        // The newer botocore on PATH (the one with cfn-lint and the AWS CLI v1) speaks CloudWatch's JSON protocol.
        (exit, stdout, stderr) = AwsClients.Run(platform, "python3", ["-c", """
            import datetime, json, sys, boto3
            cloudwatch = boto3.client("cloudwatch", endpoint_url=sys.argv[1])
            now = datetime.datetime.now(datetime.timezone.utc)
            window = {"StartTime": now - datetime.timedelta(minutes=30), "EndTime": now + datetime.timedelta(minutes=5)}
            dimensions = [{"Name": "FunctionName", "Value": sys.argv[2]}, {"Name": "Operation", "Value": "BatchWriteItem"}]
            points = cloudwatch.get_metric_statistics(Namespace="Lambench", MetricName="OperationLatency", Dimensions=dimensions, Period=3600, Statistics=["SampleCount", "Sum"], **window)["Datapoints"]
            data = cloudwatch.get_metric_data(MetricDataQueries=[{"Id": "n", "MetricStat": {"Metric": {"Namespace": "Lambench", "MetricName": "OperationLatency", "Dimensions": dimensions}, "Period": 60, "Stat": "SampleCount"}}], **window)
            print(json.dumps({"protocol": cloudwatch.meta.service_model.resolved_protocol, "n": sum(p["SampleCount"] for p in points), "sum": sum(p["Sum"] for p in points), "data": sum(data["MetricDataResults"][0]["Values"])}))
            """.Replace("            ", string.Empty, StringComparison.Ordinal), platform.Endpoint.ToString().TrimEnd('/'), function]);
        Assert.True(exit == 0, stderr);
        var json = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("json", json.GetProperty("protocol").GetString());
        Assert.Equal((double)all.Count, json.GetProperty("n").GetDouble());
        Assert.Equal(all.Sum(), json.GetProperty("sum").GetDouble(), 6);
        Assert.Equal((double)all.Count, json.GetProperty("data").GetDouble());
    }
}
