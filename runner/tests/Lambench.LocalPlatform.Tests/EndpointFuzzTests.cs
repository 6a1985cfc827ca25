using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Lambench.Runner.Aws;
using Lambench.Tests.Shared;
using Xunit.Abstractions;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The platform's endpoints under malformed requests: Lambda, CloudWatch Logs, SQS (both protocols), CloudWatch
/// metrics and function URLs, each sent with bodies and parameters of the wrong type, size or shape, signed (so they
/// reach the handlers) or not. Every request must end in a 2xx (a correct result) or an AWS-shaped error (a clean
/// error: a 4xx, or a 5xx AWS itself could answer, with its error type), within seconds; and the platform must still
/// serve afterwards. A 500 without an error type (an exception nobody caught), a dropped connection or a wait over
/// 15 s fails the test. The platform is the test's own, so the configurations it mangles touch no other test.
/// </summary>
[Trait("Tier", "system")]
public sealed class EndpointFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Seed = 20261204;
    private static readonly string[] Functions = ["lambench-go-noop-x86_64", "lambench-python-noop-x86_64", "no-such-function", "arn:aws:lambda:us-east-1:000000000000:function:lambench-go-noop-x86_64", "a%00b", "..%2F..%2Fetc", new string('f', 300)];
    private static readonly string[] Json = ["{}", "", "[]", "null", "{", "\"text\"", "{\"MemorySize\":\"x\"}", "{\"MemorySize\":99999999999}", "{\"Timeout\":-1}", "{\"Environment\":{\"Variables\":{\"A\":1}}}", "{\"Environment\":{\"Variables\":{\"1A\":\"x\"}}}", "{\"Environment\":{\"Variables\":null}}", "{\"LoggingConfig\":{\"LogFormat\":5}}", "{\"ReservedConcurrentExecutions\":-1}", "{\"ReservedConcurrentExecutions\":1e12}", "{\"logGroupName\":\"/aws/lambda/lambench-go-noop-x86_64\",\"startTime\":\"x\",\"limit\":-5}", "{\"logGroupName\":[],\"filterPattern\":\"((((\"}", "{\"queryString\":\"fields @message | stats count(*) by bin(\",\"startTime\":-1,\"endTime\":99999999999999}", "{\"queryId\":\"nope\"}", "{\"QueueUrl\":\"http://x/y\",\"MessageBody\":\"\"}", "{\"QueueUrl\":5,\"MaxNumberOfMessages\":1000}", "{\"fail\":\"raise\"}", "{\"fail\":\"exit\"}"];
    private static readonly string[] LogsOperations = ["FilterLogEvents", "GetLogEvents", "DescribeLogGroups", "DescribeLogStreams", "StartQuery", "GetQueryResults", "PutLogEvents", "Bogus"];
    private static readonly string[] SqsOperations = ["SendMessage", "ReceiveMessage", "GetQueueUrl", "ListQueues", "DeleteMessage", "GetQueueAttributes", "PurgeQueue", "Bogus"];

    private LocalPlatform platform = null!;

    public async Task InitializeAsync() => platform = await LocalPlatform.StartAsync(new LocalPlatformOptions
    {
        TemplatePath = Path.Combine(RepositoryPaths.Root(), "infra", "template.yaml"),
        Port = 0,
        WorkDirectory = Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests"),
    });

    public async Task DisposeAsync() => await platform.DisposeAsync();

    [Fact]
    public async Task Malformed_requests_end_in_aws_errors_or_answers_and_the_platform_keeps_serving()
    {
        var random = new Random(Seed);
        var tally = new FuzzTally("endpoints");
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        for (var number = 0; number < 200; number++)
        {
            var (request, service) = Request(random);
            if (random.Next(5) > 0)
            {
                Sign(request, service);
            }

            tally.Case(number, () => Check(http, request), e => e is AwsShapedError, TimeSpan.FromSeconds(15));
        }

        using var list = Sign(new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Endpoint, "/2015-03-31/functions")), "lambda");
        using var alive = await http.SendAsync(list);
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        tally.AssertAllClean(output.WriteLine);
    }

    private (HttpRequestMessage Request, string Service) Request(Random random)
    {
        T Pick<T>(T[] from) => from[random.Next(from.Length)];
        var name = Uri.EscapeDataString(Pick(Functions)).Replace("%25", "%", StringComparison.Ordinal);
        var body = random.Next(10) == 0 ? new string('x', random.Next(2) == 0 ? 7 << 20 : 1100 << 10) : Pick(Json);
        HttpRequestMessage Message(HttpMethod method, string path, string contentType = "application/json") =>
            new(method, new Uri(platform.Endpoint, path)) { Content = method == HttpMethod.Get ? null : new StringContent(body, Encoding.UTF8, contentType) };
        switch (random.Next(9))
        {
            case 0:
                var invoke = Message(HttpMethod.Post, $"/2015-03-31/functions/{name}/invocations");
                invoke.Headers.Add("X-Amz-Invocation-Type", Pick(["RequestResponse", "Event", "DryRun", "Bogus"]));
                return (invoke, "lambda");
            case 1: return (Message(HttpMethod.Put, $"/2015-03-31/functions/{name}/configuration"), "lambda");
            case 2: return (Message(HttpMethod.Get, $"/2015-03-31/functions/{name}{Pick(["", "/configuration"])}"), "lambda");
            case 3: return (Message(Pick([HttpMethod.Put, HttpMethod.Get, HttpMethod.Delete]), $"/{Pick(["2017-10-31", "2019-09-30"])}/functions/{name}/concurrency"), "lambda");
            case 4:
                var logs = Message(HttpMethod.Post, "/", "application/x-amz-json-1.1");
                logs.Headers.Add("X-Amz-Target", "Logs_20140328." + Pick(LogsOperations));
                return (logs, "logs");
            case 5:
                var sqs = Message(HttpMethod.Post, "/", "application/x-amz-json-1.0");
                sqs.Headers.Add("X-Amz-Target", "AmazonSQS." + Pick(SqsOperations));
                return (sqs, "sqs");
            case 6:
                var form = new Dictionary<string, string> { ["Action"] = Pick([.. SqsOperations, "GetMetricStatistics"]), ["Version"] = "2012-11-05", ["QueueUrl"] = Pick(["", "x", $"{platform.Endpoint}000000000000/lambench-go-writer-x86_64-writes"]), ["MessageBody"] = body, ["Namespace"] = "AWS/Lambda", ["MetricName"] = Pick(["Throttles", "Bogus"]), ["StartTime"] = Pick(["x", "2026-01-01T00:00:00Z", "-1"]), ["EndTime"] = "99999-01-01", ["Period"] = Pick(["60", "0", "-60", "x"]), ["Statistics.member.1"] = "Sum", ["Dimensions.member.1.Name"] = "FunctionName", ["Dimensions.member.1.Value"] = name };
                return (new HttpRequestMessage(HttpMethod.Post, platform.Endpoint) { Content = new FormUrlEncodedContent(form) }, form["Action"] == "GetMetricStatistics" ? "monitoring" : "sqs");
            case 7: return (Message(Pick([HttpMethod.Post, HttpMethod.Get, HttpMethod.Put]), $"/lambda-url/{name}/{Pick(["", "x/y", "%2e%2e"])}?{Pick(["", "a=b", "a=%ZZ"])}"), "lambda");
            default: return (Message(Pick([HttpMethod.Post, HttpMethod.Patch]), Pick(["/nothing", "/2015-03-31/functions", "/env/x/2018-06-01/runtime/invocation/next", "/000000000000/q"])), "lambda");
        }
    }

    private static HttpRequestMessage Sign(HttpRequestMessage request, string service)
    {
        var body = request.Content?.ReadAsByteArrayAsync().Result ?? [];
        SigV4Signer.Sign(request, body, new ImmutableCredentials(LocalPlatform.AccessKeyId, LocalPlatform.SecretAccessKey, null), LocalPlatform.Region, service, DateTime.UtcNow);
        return request;
    }

    /// <summary>An error answered in one of AWS's shapes: the endpoint's clean error.</summary>
    private sealed class AwsShapedError : Exception;

    /// <summary>Null for an answer; <see cref="AwsShapedError"/> for an AWS-shaped error; else what is wrong with the answer.</summary>
    private static string? Check(HttpClient http, HttpRequestMessage request)
    {
        var sent = $"{request.Method} {request.RequestUri!.AbsolutePath} ({request.Content?.Headers.ContentLength ?? 0} bytes)";
        HttpResponseMessage answer;
        try
        {
            answer = http.Send(request);
        }
        catch (HttpRequestException) when (request.RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal))
        {
            // Kestrel refuses a request line with an encoded NUL at once (400) and closes the connection while a large
            // body is still being sent: the HTTP server's clean refusal, before any of the platform's code.
            throw new AwsShapedError();
        }
        catch (HttpRequestException e)
        {
            throw new HttpRequestException($"{sent}: {e.Message}", e);
        }

        using (request)
        using (var response = answer)
        {
            var status = (int)response.StatusCode;
            var type = response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : null;
            var text = response.Content.ReadAsStringAsync().Result;
            var described = $"{request.Method} {request.RequestUri!.AbsolutePath} → {status} {type} {Lambench.Core.Text.Excerpt.Of(text)}";
            if (status < 400)
            {
                return null;
            }

            // AWS's error shapes: the x-amzn-ErrorType header, a JSON body's __type, the query protocol's <Error><Code>; function
            // URLs answer as Lambda's do ({"Message": …}, or 502 {"message": …} when the function fails); and an empty 400
            // is Kestrel refusing a request line it will not route (a NUL in the path) before any handler sees it.
            var awsShaped = type is not null || text.Contains("\"__type\"", StringComparison.Ordinal) || (text.Contains("<Error>", StringComparison.Ordinal) && text.Contains("<Code>", StringComparison.Ordinal));
            var urlError = request.RequestUri.AbsolutePath.StartsWith("/lambda-url/", StringComparison.Ordinal) && IsJsonObject(text);
            var serverRefusal = status == 400 && text.Length == 0;
            if (status >= 500 && !urlError && type is not ("ServiceException" or "InternalFailure"))
            {
                return "server error without an AWS error type: " + described;
            }

            return awsShaped || urlError || serverRefusal || status is 404 or 405 ? throw new AwsShapedError() : "error without an AWS error shape: " + described;
        }
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
