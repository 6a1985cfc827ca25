using System.Net;
using System.Text;
using System.Text.Json;
using Lambench.Core.Parsing;
using Lambench.Tests.Shared;

namespace Lambench.LocalPlatform.Tests;

[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformCollection.Name)]
public sealed class LifecycleTests(PlatformFixture fixture)
{
    private readonly LocalPlatform platform = fixture.Platform;

    private async Task<HttpResponseMessage> InvokeAsync(HttpClient client, string function, string payload, string type = "RequestResponse")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{function}/invocations") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Amz-Invocation-Type", type);
        request.Headers.Add("X-Amz-Log-Type", "Tail");
        return await client.SendAsync(request);
    }

    private static ReportLine Report(HttpResponseMessage response) =>
        LogMessageParser.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single())).Split('\n').Single(l => l.StartsWith("REPORT", StringComparison.Ordinal))).Report;

    [Fact]
    public async Task An_idle_environment_is_evicted_and_the_next_invocation_is_cold()
    {
        using var client = SignedHttp.Client(platform);
        await InvokeAsync(client, "lambench-go-sleep-arm64", """{"sleep_ms": 1}""");
        Assert.Null(Report(await InvokeAsync(client, "lambench-go-sleep-arm64", """{"sleep_ms": 1}""")).Metrics.InitDurationMs);
        var host = platform.Functions["lambench-go-sleep-arm64"];
        host.EvictIdle(DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(0, host.EnvironmentCount);
        Assert.NotNull(Report(await InvokeAsync(client, "lambench-go-sleep-arm64", """{"sleep_ms": 1}""")).Metrics.InitDurationMs);
    }

    [Fact]
    public async Task Reserved_concurrency_caps_environments_and_throttles_the_excess()
    {
        using var client = SignedHttp.Client(platform);
        var host = platform.Functions["lambench-python-sleep-x86_64"];
        host.SetReservedConcurrency(1);
        try
        {
            var first = InvokeAsync(client, "lambench-python-sleep-x86_64", """{"sleep_ms": 1500}""");
            await Task.Delay(700);
            using var second = await InvokeAsync(client, "lambench-python-sleep-x86_64", """{"sleep_ms": 1}""");
            Assert.Equal((HttpStatusCode)429, second.StatusCode);
            Assert.Equal("TooManyRequestsException", second.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.Contains("ReservedFunctionConcurrentInvocationLimitExceeded", await second.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await first).StatusCode);
            Assert.Equal(1, host.EnvironmentCount);
        }
        finally
        {
            host.SetReservedConcurrency(null);
        }
    }

    [Fact]
    public async Task An_event_invocation_is_accepted_at_once_and_runs_later()
    {
        using var client = SignedHttp.Client(platform);
        var batch = "event-" + Guid.NewGuid().ToString("N")[..8];
        using var response = await InvokeAsync(client, "lambench-go-noop-arm64", $$"""{"batch_id": "{{batch}}"}""", "Event");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // As on AWS, the 202 names the invocation: its REPORT line carries that request id.
        var report = $"REPORT RequestId: {Assert.Single(response.Headers.GetValues("x-amzn-RequestId"))}\t";
        var group = platform.Logs.Find("/aws/lambda/lambench-go-noop-arm64");
        for (var attempt = 0; attempt < 100 && (group is null || !group.Snapshot().Any(e => e.Message.StartsWith(report, StringComparison.Ordinal))); attempt++)
        {
            await Task.Delay(100);
            group = platform.Logs.Find("/aws/lambda/lambench-go-noop-arm64");
        }

        Assert.Contains(group!.Snapshot(), e => e.Message.Contains(batch, StringComparison.Ordinal));
        Assert.Contains(group.Snapshot(), e => e.Message.StartsWith(report, StringComparison.Ordinal));
    }

    [Fact]
    public void A_function_url_needs_a_signed_request_and_passes_payload_format_2()
    {
        var (exit, stdout, stderr) = AwsClients.Boto3(platform, $$"""
            import json, sys, urllib.request, urllib.error
            import botocore.session
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            url = "{{platform.FunctionUrl("lambench-python-cpu-x86_64")}}"
            body = json.dumps({"operation": "math", "data_size": 1000, "iterations": 2})
            request = AWSRequest(method="POST", url=url, data=body, headers={"Content-Type": "application/json"})
            SigV4Auth(botocore.session.get_session().get_credentials(), "lambda", "us-east-1").add_auth(request)
            signed = urllib.request.urlopen(urllib.request.Request(url, data=body.encode(), headers=dict(request.headers), method="POST"))
            result = json.loads(signed.read())
            try:
                urllib.request.urlopen(urllib.request.Request(url, data=body.encode(), method="POST"))
                unsigned = 200
            except urllib.error.HTTPError as e:
                unsigned = e.code
            print(json.dumps({"status": signed.status, "checksum": result["checksum"], "unsigned": unsigned}))
            """);
        Assert.True(exit == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal((200, 504, 403), (result.GetProperty("status").GetInt32(), result.GetProperty("checksum").GetInt32(), result.GetProperty("unsigned").GetInt32()));
    }

    [Fact]
    public async Task A_port_in_use_is_refused_with_what_to_do()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => LocalPlatform.StartAsync(new LocalPlatformOptions
        {
            TemplatePath = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"),
            Port = platform.Endpoint.Port,
            WorkDirectory = Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests"),
        }));
        Assert.Contains($"127.0.0.1:{platform.Endpoint.Port} is in use", error.Message);
        Assert.Contains("--port", error.Message);
    }

    [Fact]
    public async Task A_start_that_fails_part_way_disposes_what_it_had_started_its_port_and_dynalite()
    {
        // The queue's dead-letter target is a table: the reader takes the reference; the queues, made after the web
        // host and dynalite have started, refuse it.
        var directory = Directory.CreateTempSubdirectory("lambench-failed-start-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(directory, "code"));
            var templatePath = Path.Combine(directory, "template.yaml");
            File.WriteAllText(templatePath, """
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
                      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
                  Queue:
                    Type: AWS::SQS::Queue
                    Properties:
                      RedrivePolicy: { deadLetterTargetArn: !GetAtt Table.Arn, maxReceiveCount: 3 }
                """);
            var port = FreePort();
            // A work directory of its own, with the fixture's dynalite install linked in: its dynalite is this start's.
            var work = Path.Combine(directory, "work");
            Directory.CreateDirectory(Path.Combine(work, "dynalite"));
            Directory.CreateSymbolicLink(Path.Combine(work, "dynalite", "node_modules"), Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests", "dynalite", "node_modules"));
            var error = await Assert.ThrowsAsync<Template.TemplateException>(() => LocalPlatform.StartAsync(new LocalPlatformOptions { TemplatePath = templatePath, Port = port, WorkDirectory = work }));
            Assert.Contains("is not an AWS::SQS::Queue of this template", error.Message);

            // The port is free again, and the dynalite this start ran is gone.
            using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            Assert.True(File.Exists(Path.Combine(work, "dynalite", "dynalite_server.js"))); // it did start
            Assert.Equal(0, DynaliteProcesses(Path.Combine(work, "dynalite", "dynalite_server.js")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The node processes running <paramref name="script"/> (Linux's /proc).</summary>
    private static int DynaliteProcesses(string script)
    {
        return Directory.GetDirectories("/proc").Count(p => int.TryParse(Path.GetFileName(p), out _) && ReadCommandLine(p).Contains(script, StringComparison.Ordinal));
    }

    private static string ReadCommandLine(string process)
    {
        try
        {
            return File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return string.Empty; // the process ended meanwhile
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    // Debian's AWS CLI predates LoggingConfig (November 2023), so the update is sent as the current API shape; the
    // log lines are then read back with the foundation's parser of Lambda's JSON format.
    [Fact]
    public async Task The_json_log_format_writes_platform_records_the_ingest_reads()
    {
        using var client = SignedHttp.Client(platform);
        using (var update = await client.PutAsync("/2015-03-31/functions/lambench-go-noop-arm64/configuration", new StringContent("""{"LoggingConfig": {"LogFormat": "JSON"}}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal("JSON", JsonDocument.Parse(await update.Content.ReadAsStringAsync()).RootElement.GetProperty("LoggingConfig").GetProperty("LogFormat").GetString());
        }

        try
        {
            using var response = await InvokeAsync(client, "lambench-go-noop-arm64", "{}");
            var requestId = response.Headers.GetValues("x-amzn-RequestId").Single();
            var (exit, stdout, stderr) = AwsClients.Aws(platform, "logs", "filter-log-events", "--log-group-name", "/aws/lambda/lambench-go-noop-arm64", "--filter-pattern", $"platform.report \"{requestId}\"");
            Assert.True(exit == 0, stderr);
            var message = JsonDocument.Parse(stdout).RootElement.GetProperty("events")[0].GetProperty("message").GetString()!;
            var parsed = LogMessageParser.Parse(message);
            Assert.Equal((LogMessageKind.Report, requestId), (parsed.Kind, parsed.Report.RequestId));
            Assert.NotNull(parsed.Report.Metrics.InitDurationMs); // the update retired the old environment: a cold start
        }
        finally
        {
            using var back = await client.PutAsync("/2015-03-31/functions/lambench-go-noop-arm64/configuration", new StringContent("""{"LoggingConfig": {"LogFormat": "Text"}}""", Encoding.UTF8, "application/json"));
        }
    }
}
