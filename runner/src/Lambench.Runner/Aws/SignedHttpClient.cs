using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>
/// Sends signed requests to one AWS service and retries throttling, 5xx answers, timeouts and dropped connections
/// with exponential backoff and jitter (100 ms doubling to 10 s, 8 attempts), as the AWS SDKs do, within the
/// endpoint's <see cref="AwsCallPolicy"/>: each request has its timeout, the call its deadline, and a silent wait is
/// reported as it goes. A request that must not be sent twice (an Invoke) is not retried after a timeout.
/// </summary>
public sealed class SignedHttpClient(HttpClient http, AwsEndpoint endpoint, string service)
{
    public const int MaximumAttempts = 8;

    private AwsCallPolicy Policy => endpoint.Policy;

    /// <summary>Retries made so far (throttling and server errors), for the run's API-call accounting.</summary>
    public int Retries => Volatile.Read(ref retries);

    /// <summary>Requests sent so far, retries included.</summary>
    public int Requests => Volatile.Read(ref requests);

    /// <summary>Answers that were throttling (429, or a 400 Throttling error), each retried or, at the last attempt, returned.</summary>
    public int Throttles => Volatile.Read(ref throttles);

    // Counted with Interlocked: a load sends many requests through one client at once.
    private int retries, requests, throttles;

    /// <param name="attemptTimeout">this request's own timeout (an Invoke's function timeout and a margin); null: the policy's.</param>
    /// <param name="idempotent">false for a request that must not run twice: a timeout is then an error, not retried.</param>
    /// <exception cref="AwsServiceException">Timeout or Unreachable when the service does not answer in time.</exception>
    /// <param name="retryServerErrors">false where a 5xx is the answer of something that ran (a function URL's 502 is a
    /// failed invocation, an HTTP API's 500 a function error): only throttling, which refuses before anything runs, is retried then.</param>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body, IReadOnlyDictionary<string, string> headers, string? contentType, CancellationToken cancellation, TimeSpan? attemptTimeout = null, bool idempotent = true, bool retryServerErrors = true)
    {
        var timeout = attemptTimeout ?? Policy.AttemptTimeout;
        var started = Policy.Time.GetTimestamp();
        var deadline = Policy.Deadline > timeout ? Policy.Deadline : timeout + Policy.AttemptTimeout;
        var connectionFailures = 0;
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await SendOnceAsync(method, pathAndQuery, body, headers, contentType, timeout, cancellation);
            }
            catch (TimeoutException) when (idempotent && attempt < MaximumAttempts && Policy.Time.GetElapsedTime(started) + timeout < deadline)
            {
                await BackOffAsync(attempt, cancellation);
                continue;
            }
            catch (TimeoutException)
            {
                throw new AwsServiceException(0, "Timeout", $"{service} at {endpoint.Url.Host} did not answer within {Seconds(timeout)}{(idempotent ? $" (attempt {attempt}, {Seconds(Policy.Time.GetElapsedTime(started))} in all)" : "; an Invoke is not sent twice")}: check the network, the region and any endpoint settings (AWS_ENDPOINT_URL…)");
            }
            catch (HttpRequestException) when (++connectionFailures < Policy.ConnectionAttempts && Policy.Time.GetElapsedTime(started) < deadline)
            {
                await BackOffAsync(attempt, cancellation);
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new AwsServiceException(0, "Unreachable", $"{service} at {endpoint.Url.Host} cannot be reached ({e.Message}) after {connectionFailures} attempt(s)");
            }

            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (retryServerErrors && (int)response.StatusCode >= 500)
                || (response.StatusCode == HttpStatusCode.BadRequest && response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.Any(t => t.StartsWith("Throttling", StringComparison.Ordinal)));
            if (retryable && (int)response.StatusCode < 500)
            {
                Interlocked.Increment(ref throttles); // a 429 or a 400 Throttling error: the retryable answers that are not server errors
            }

            if (!retryable || !Policy.RetryAnswers || attempt == MaximumAttempts || Policy.Time.GetElapsedTime(started) >= deadline)
            {
                return response;
            }

            response.Dispose();
            await BackOffAsync(attempt, cancellation);
        }
    }

    /// <summary>One signed request within <paramref name="timeout"/>, reporting the wait as it goes.</summary>
    /// <exception cref="TimeoutException">no answer in time (the caller's own cancellation is an OperationCanceledException).</exception>
    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, string pathAndQuery, byte[]? body, IReadOnlyDictionary<string, string> headers, string? contentType, TimeSpan timeout, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, new Uri(endpoint.Url, pathAndQuery));
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/json");
        }

        SigV4Signer.Sign(request, body ?? [], await endpoint.Credentials(cancellation), endpoint.Region, service, Policy.Time.GetUtcNow().UtcDateTime);
        Interlocked.Increment(ref requests);
        using var expiry = new CancellationTokenSource(timeout, Policy.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, expiry.Token);
        var waitedFrom = Policy.Time.GetTimestamp();
        using var reporter = Policy.Progress is { } progress
            ? Policy.Time.CreateTimer(_ => progress.Report($"waiting for {service} in {endpoint.Region}: {Seconds(Policy.Time.GetElapsedTime(waitedFrom))}… (Ctrl+C stops)"), null, Policy.ProgressInterval, Policy.ProgressInterval)
            : null;
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new TimeoutException(); // this request's own timeout, or the HttpClient's
        }
    }

    private Task BackOffAsync(int attempt, CancellationToken cancellation)
    {
        Interlocked.Increment(ref retries);
        var delay = Math.Min(10_000, 100 * Math.Pow(2, attempt - 1));
        return Task.Delay(TimeSpan.FromMilliseconds(delay / 2 + Random.Shared.NextDouble() * delay / 2), Policy.Time, cancellation);
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " s";

    /// <summary>
    /// Sends a JSON body (or none) and returns the JSON object answered, {} for an empty answer (a 204); an error
    /// answer is thrown as <see cref="AwsServiceException"/>.
    /// </summary>
    public async Task<JsonObject> SendJsonAsync(HttpMethod method, string pathAndQuery, JsonObject? body, IReadOnlyDictionary<string, string> headers, string contentType, CancellationToken cancellation)
    {
        using var response = await SendAsync(method, pathAndQuery, body is null ? null : System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), headers, contentType, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellation);
        }

        var text = await response.Content.ReadAsStringAsync(cancellation);
        return text.Length == 0 ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    /// <summary>
    /// Sends a query-protocol request (a form with Action and Version; STS, CloudFormation, CloudWatch) and returns the
    /// XML answered; an error answer is thrown as <see cref="AwsServiceException"/>.
    /// </summary>
    public async Task<System.Xml.Linq.XDocument> SendQueryAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellation)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(string.Join('&', form.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")));
        using var response = await SendAsync(HttpMethod.Post, string.Empty, body, new Dictionary<string, string>(), "application/x-www-form-urlencoded; charset=utf-8", cancellation);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorAsync(response, cancellation);
        }

        var text = await response.Content.ReadAsStringAsync(cancellation);
        try
        {
            return System.Xml.Linq.XDocument.Parse(text);
        }
        catch (System.Xml.XmlException e)
        {
            throw new AwsServiceException((int)response.StatusCode, "MalformedAnswer", $"{service} {form.GetValueOrDefault("Action")} answered what is not XML ({e.Message})");
        }
    }

    /// <summary>The error in an AWS answer: x-amzn-ErrorType or the body's __type, Type or code, and its message (JSON, or the query protocol's XML).</summary>
    public static async Task<AwsServiceException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        var text = await response.Content.ReadAsStringAsync(cancellation);
        string? type = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.First().Split(':')[0] : null;
        string message = text;
        if (text.TrimStart().StartsWith('<'))
        {
            // The query protocol's errors: <ErrorResponse><Error><Code/><Message/></Error></ErrorResponse>.
            try
            {
                var error = System.Xml.Linq.XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                type ??= error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
                message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? text;
            }
            catch (System.Xml.XmlException)
            {
            }

            return new AwsServiceException((int)response.StatusCode, type ?? response.StatusCode.ToString(), message);
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject body)
            {
                type ??= ((string?)body["__type"])?.Split('#').Last() ?? (string?)body["code"];
                message = (string?)body["message"] ?? (string?)body["Message"] ?? text;
            }
        }
        catch (JsonException)
        {
        }

        return new AwsServiceException((int)response.StatusCode, type ?? response.StatusCode.ToString(), message);
    }
}
