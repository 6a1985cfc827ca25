using System.Net;
using System.Text;
using Amazon.Runtime;
using Lambench.Runner.Aws;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The platform serves AWS clients on this machine and nobody else: a web page's request (an Origin, a text/plain or
/// form body, no signature), a DNS-rebound Host, or a signature made without the platform's secret is refused with
/// 403 before anything runs. One test per rule; the AWS CLI, boto3 and the .NET SDK pass them in the other tests.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Tier", "system")]
public sealed class RequestGuardTests(PlatformFixture fixture)
{
    private readonly LocalPlatform platform = fixture.Platform;

    private HttpRequestMessage Invoke(string contentType = "application/json") =>
        new(HttpMethod.Post, new Uri(platform.Endpoint, "/2015-03-31/functions/lambench-go-noop-arm64/invocations")) { Content = new StringContent("{}", Encoding.UTF8, contentType) };

    private static async Task<(HttpStatusCode Status, string Type, string Body)> SendAsync(HttpRequestMessage request)
    {
        using var http = new HttpClient();
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.First() : string.Empty, await response.Content.ReadAsStringAsync());
    }

    private static (HttpStatusCode, string) StatusAndType((HttpStatusCode Status, string Type, string Body) answer) => (answer.Status, answer.Type);

    private static HttpRequestMessage Signed(HttpRequestMessage request, string secret = LocalPlatform.SecretAccessKey, string service = "lambda")
    {
        var body = request.Content?.ReadAsByteArrayAsync().Result ?? [];
        SigV4Signer.Sign(request, body, new ImmutableCredentials(LocalPlatform.AccessKeyId, secret, null), LocalPlatform.Region, service, DateTime.UtcNow);
        return request;
    }

    [Theory]
    [InlineData("text/plain")] // what a page can send without a CORS preflight
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json")]
    public async Task An_unsigned_invoke_is_refused_whatever_its_content_type(string contentType)
    {
        var (status, type, _) = await SendAsync(Invoke(contentType));
        Assert.Equal((HttpStatusCode.Forbidden, "MissingAuthenticationTokenException"), (status, type));
    }

    [Fact]
    public async Task Unsigned_logs_sqs_and_metrics_calls_are_refused_in_their_own_protocols()
    {
        var logs = new HttpRequestMessage(HttpMethod.Post, platform.Endpoint) { Content = new StringContent("{\"logGroupName\":\"/aws/lambda/lambench-go-noop-arm64\"}", Encoding.UTF8, "application/x-amz-json-1.1") };
        logs.Headers.Add("X-Amz-Target", "Logs_20140328.FilterLogEvents");
        Assert.Equal((HttpStatusCode.Forbidden, "MissingAuthenticationTokenException"), StatusAndType(await SendAsync(logs)));

        var sqs = new HttpRequestMessage(HttpMethod.Post, platform.Endpoint) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "ListQueues", ["Version"] = "2012-11-05" }) };
        var (status, _, xml) = await SendAsync(sqs);
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("<Code>MissingAuthenticationToken</Code>", xml);

        var metrics = new HttpRequestMessage(HttpMethod.Post, platform.Endpoint) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = "GetMetricStatistics", ["Version"] = "2010-08-01" }) };
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(metrics)).Status);
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_even_with_the_platforms_key_id()
    {
        var (status, type, _) = await SendAsync(Signed(Invoke(), secret: "not-the-secret"));
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidSignatureException"), (status, type));

        var url = new HttpRequestMessage(HttpMethod.Post, platform.FunctionUrl("lambench-python-cpu-x86_64")) { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(Signed(url, secret: "not-the-secret"))).Status);
    }

    [Fact]
    public async Task A_signed_request_whose_body_was_changed_is_refused()
    {
        var request = Signed(Invoke());
        request.Content = new StringContent("{\"changed\":true}", Encoding.UTF8, "application/json");
        Assert.Equal((HttpStatusCode.Forbidden, "InvalidSignatureException"), StatusAndType(await SendAsync(request)));
    }

    [Theory]
    [InlineData("rebind.example")] // DNS rebinding: the page's own name, resolved to 127.0.0.1
    [InlineData("127.0.0.2")]
    public async Task A_host_other_than_loopback_names_on_the_platforms_port_is_refused(string host)
    {
        var request = Signed(Invoke());
        request.Headers.Host = $"{host}:{platform.Endpoint.Port}";
        var (status, type, body) = await SendAsync(request);
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDeniedException"), (status, type));
        Assert.Contains($"Host '{host}:{platform.Endpoint.Port}' is refused", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_browser_origin_is_refused_even_on_a_signed_request_and_on_the_runtime_api()
    {
        var request = Signed(Invoke());
        request.Headers.Add("Origin", "https://page.example");
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDeniedException"), StatusAndType(await SendAsync(request)));

        var runtime = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Endpoint, "/env/0000/2018-06-01/runtime/invocation/next"));
        Assert.Equal(HttpStatusCode.Gone, (await SendAsync(runtime)).Status); // unsigned, as the function processes call it; no such environment
        var fromPage = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Endpoint, "/env/0000/2018-06-01/runtime/invocation/next"));
        fromPage.Headers.Add("Origin", "null");
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(fromPage)).Status);
    }

    [Fact]
    public async Task A_request_signed_with_the_platforms_key_is_served()
    {
        var (status, _, body) = await SendAsync(Signed(Invoke()));
        Assert.True(status == HttpStatusCode.OK, body);
    }
}
