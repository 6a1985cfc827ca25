using System.Net;
using System.Text;
using System.Text.Json;
using Lambench.Core.Parsing;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// Lambda's limits as AWS documents them (the Invoke API reference: 6 MB synchronous, 1 MB asynchronous), AWS's own
/// errors for malformed configuration, and a killed process's Max Memory Used kept from its last sample.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Tier", "system")]
public sealed class PlatformLimitsTests(PlatformFixture fixture)
{
    private readonly LocalPlatform platform = fixture.Platform;

    private async Task<HttpResponseMessage> InvokeAsync(string function, byte[] payload, string type = "RequestResponse")
    {
        using var client = SignedHttp.Client(platform);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{function}/invocations") { Content = new ByteArrayContent(payload) };
        request.Headers.Add("X-Amz-Invocation-Type", type);
        request.Headers.Add("X-Amz-Log-Type", "Tail");
        return await client.SendAsync(request);
    }

    /// <summary>A JSON string event of <paramref name="bytes"/> bytes in all.</summary>
    private static byte[] Event(int bytes) => Encoding.ASCII.GetBytes("\"" + new string('x', bytes - 2) + "\"");

    [Theory]
    [InlineData("RequestResponse", 6 * 1024 * 1024 + 1, "6291456 bytes for the InvokeFunction operation")]
    [InlineData("Event", 1024 * 1024 + 1, "1048576 bytes for the InvokeFunctionAsync operation")]
    public async Task A_payload_over_lambdas_quota_is_413_request_entity_too_large(string type, int bytes, string message)
    {
        using var response = await InvokeAsync("lambench-go-noop-x86_64", Event(bytes), type);
        Assert.Equal((HttpStatusCode)413, response.StatusCode);
        Assert.Equal("RequestEntityTooLargeException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_payload_at_the_asynchronous_quota_is_accepted()
    {
        using var response = await InvokeAsync("lambench-go-noop-x86_64", Event(1024 * 1024), "Event");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"Environment": {"Variables": {"A": 1}}}""", "InvalidRequestContentException")]
    [InlineData("""{"Environment": {"Variables": {"1A": "x"}}}""", "InvalidParameterValueException")]
    [InlineData("""{"LoggingConfig": {"LogFormat": 5}}""", "InvalidRequestContentException")]
    [InlineData("""{"MemorySize": 64}""", "InvalidParameterValueException")]
    public async Task A_malformed_configuration_gets_awss_error_and_changes_nothing(string body, string type)
    {
        using var client = SignedHttp.Client(platform);
        var before = platform.Functions["lambench-go-noop-x86_64"].State.RevisionId;
        using var response = await client.PutAsync("/2015-03-31/functions/lambench-go-noop-x86_64/configuration", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(type, response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal(before, platform.Functions["lambench-go-noop-x86_64"].State.RevisionId);
    }

    /// <summary>The process exits in the middle of the invocation; /proc no longer has it, so Max Memory Used is its last sample (it was 0).</summary>
    [Fact]
    public async Task A_process_that_dies_reports_the_memory_it_last_used()
    {
        using var response = await InvokeAsync("lambench-python-noop-x86_64", """{"fail": "exit"}"""u8.ToArray());
        var tail = Encoding.UTF8.GetString(Convert.FromBase64String(response.Headers.GetValues("X-Amz-Log-Result").Single()));
        var report = LogMessageParser.Parse(tail.Split('\n').Single(l => l.StartsWith("REPORT", StringComparison.Ordinal))).Report.Metrics;
        Assert.Equal(("error", "Runtime.ExitError"), (report.Status, report.ErrorType));
        Assert.InRange(report.MaxMemoryUsedMb!.Value, 5, report.MemorySizeMb!.Value); // a python3 process: some tens of MB
        Assert.Equal("Runtime.ExitError", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errorType").GetString());
    }
}
