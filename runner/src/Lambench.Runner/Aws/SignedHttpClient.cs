using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lambench.Runner.Aws;

/// <summary>
/// Sends signed requests to one AWS service and retries throttling and 5xx answers with exponential backoff and
/// jitter (100 ms doubling to 10 s, 8 attempts), as the AWS SDKs do.
/// </summary>
public sealed class SignedHttpClient(HttpClient http, AwsEndpoint endpoint, string service)
{
    public const int MaximumAttempts = 8;

    /// <summary>Retries made so far (throttling and server errors), for the run's API-call accounting.</summary>
    public int Retries { get; private set; }

    /// <summary>Requests sent so far, retries included.</summary>
    public int Requests { get; private set; }

    /// <summary>Answers that were throttling (429, or a 400 Throttling error), each retried or, at the last attempt, returned.</summary>
    public int Throttles { get; private set; }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string pathAndQuery, byte[]? body, IReadOnlyDictionary<string, string> headers, string? contentType, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
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

            SigV4Signer.Sign(request, body ?? [], await endpoint.Credentials(cancellation), endpoint.Region, service, DateTime.UtcNow);
            Requests++;
            var response = await http.SendAsync(request, cancellation);
            var retryable = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500
                || (response.StatusCode == HttpStatusCode.BadRequest && response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.Any(t => t.StartsWith("Throttling", StringComparison.Ordinal)));
            if (retryable && (int)response.StatusCode < 500)
            {
                Throttles++; // a 429 or a 400 Throttling error: the retryable answers that are not server errors
            }

            if (!retryable || attempt == MaximumAttempts)
            {
                return response;
            }

            response.Dispose();
            Retries++;
            var delay = Math.Min(10_000, 100 * Math.Pow(2, attempt - 1));
            await Task.Delay(TimeSpan.FromMilliseconds(delay / 2 + Random.Shared.NextDouble() * delay / 2), cancellation);
        }
    }

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
