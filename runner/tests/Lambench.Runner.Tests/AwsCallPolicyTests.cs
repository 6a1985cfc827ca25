using System.Net;
using Lambench.Runner.Aws;
using Microsoft.Extensions.Time.Testing;

namespace Lambench.Runner.Tests;

/// <summary>
/// An endpoint that accepts a request and never answers costs the call its deadline, with progress lines on the way,
/// not the HTTP client's minutes; Ctrl+C ends the wait at once; an Invoke is never sent twice. All on a fake clock
/// (FakeTimeProvider), so the minutes take milliseconds.
/// </summary>
public sealed class AwsCallPolicyTests
{
    /// <summary>A server that takes every request and answers none, counting them.</summary>
    private sealed class SilentHandler : HttpMessageHandler
    {
        public int Requests;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    private sealed class Lines : IProgress<string>
    {
        public List<string> Reported { get; } = [];

        public void Report(string value)
        {
            lock (Reported)
            {
                Reported.Add(value);
            }
        }
    }

    private static (LambdaClient Client, SilentHandler Handler, FakeTimeProvider Time, Lines Lines) Silent()
    {
        var handler = new SilentHandler();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
        var lines = new Lines();
        var endpoint = AwsEndpoint.Fixed(new Uri("http://127.0.0.1:9/"), "us-east-1", "key", "secret") with
        {
            Policy = new AwsCallPolicy { AttemptTimeout = TimeSpan.FromSeconds(30), Deadline = TimeSpan.FromMinutes(2), Progress = lines, Time = time },
        };
        return (new LambdaClient(new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, endpoint), handler, time, lines);
    }

    /// <summary>Advances the fake clock a second at a time until the call ends; returns the simulated time it took.</summary>
    private static async Task<TimeSpan> DriveAsync(Task call, FakeTimeProvider time, TimeSpan limit, int stepSeconds = 1)
    {
        var start = time.GetUtcNow();
        while (!call.IsCompleted && time.GetUtcNow() - start < limit)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(Math.Min(stepSeconds, (limit - (time.GetUtcNow() - start)).TotalSeconds)));
        }

        return time.GetUtcNow() - start;
    }

    [Fact]
    public async Task A_silent_endpoint_fails_the_call_at_its_deadline_saying_so_and_reports_the_wait()
    {
        var (client, handler, time, lines) = Silent();
        var call = client.GetFunctionConfigurationAsync("f");
        var took = await DriveAsync(call, time, TimeSpan.FromMinutes(10));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => call);
        Assert.Equal("Timeout", error.ErrorType);
        Assert.Contains("lambda at 127.0.0.1 did not answer within 30 s", error.Message);
        Assert.InRange(took, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(150)); // four 30 s attempts and backoff within the 2 min deadline
        Assert.InRange(handler.Requests, 3, 4);
        Assert.Contains("waiting for lambda in us-east-1: 10 s… (Ctrl+C stops)", lines.Reported);
        Assert.Contains("waiting for lambda in us-east-1: 20 s… (Ctrl+C stops)", lines.Reported);
    }

    [Fact]
    public async Task An_invoke_waits_for_its_functions_timeout_and_is_never_sent_twice()
    {
        var (client, handler, time, _) = Silent();
        var call = client.InvokeAsync("f", "{}"u8.ToArray());
        // Lambda's 900 s without a known timeout, and the 30 s margin: still waiting at 929 s, given up soon after 930 s
        // (the clock is advanced a second at a time, so when the end is seen depends on the machine's load).
        await DriveAsync(call, time, TimeSpan.FromSeconds(929), stepSeconds: 10);
        Assert.False(call.IsCompleted);
        var took = await DriveAsync(call, time, TimeSpan.FromMinutes(30));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => call);
        Assert.Contains("an Invoke is not sent twice", error.Message);
        Assert.Equal(1, handler.Requests);
        Assert.True(took < TimeSpan.FromSeconds(60), took.ToString());
    }

    [Fact]
    public async Task Ctrl_c_ends_the_wait_at_once_as_a_cancellation_not_an_error()
    {
        var (client, _, time, _) = Silent();
        using var cancellation = new CancellationTokenSource();
        var call = client.GetFunctionConfigurationAsync("f", cancellation.Token);
        time.Advance(TimeSpan.FromSeconds(5));
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Throttling_is_retried_with_backoff_on_the_policys_clock()
    {
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK]);
        var time = new FakeTimeProvider();
        var endpoint = AwsEndpoint.Fixed(new Uri("http://127.0.0.1:9/"), "us-east-1", "key", "secret") with { Policy = new AwsCallPolicy { Time = time } };
        var client = new SignedHttpClient(new HttpClient(new AnswerHandler(answers)), endpoint, "lambda");
        var call = client.SendAsync(HttpMethod.Get, "x", null, new Dictionary<string, string>(), null, CancellationToken.None);
        await DriveAsync(call, time, TimeSpan.FromSeconds(30));
        using var response = await call;
        Assert.Equal((HttpStatusCode.OK, 3, 2, 2), (response.StatusCode, client.Requests, client.Throttles, client.Retries));
    }

    private sealed class AnswerHandler(Queue<HttpStatusCode> answers) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(answers.Dequeue()) { Content = new StringContent("{}") });
    }
}
