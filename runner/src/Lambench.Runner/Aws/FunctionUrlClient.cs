using System.Net.Http.Headers;

namespace Lambench.Runner.Aws;

/// <summary>Calls a function URL with AWS_IAM auth: a POST signed with SigV4 for the lambda service, retried on throttling.</summary>
public sealed class FunctionUrlClient(HttpClient http, string region, Func<CancellationToken, Task<Amazon.Runtime.ImmutableCredentials>> credentials, AwsCallPolicy? policy = null)
{
    /// <summary>Requests sent so far, retries included.</summary>
    public int Requests => Volatile.Read(ref requests);

    public int Throttles => Volatile.Read(ref throttles);

    private int requests, throttles;

    public async Task<LambdaInvokeResult> InvokeAsync(Uri url, byte[] payload, CancellationToken cancellation = default)
    {
        var client = new SignedHttpClient(http, new AwsEndpoint(url, region, credentials) { Policy = policy ?? AwsCallPolicy.Default }, "lambda");
        using var response = await client.SendAsync(HttpMethod.Post, string.Empty, payload, new Dictionary<string, string>(), "application/json", cancellation, idempotent: false, retryServerErrors: false);
        Interlocked.Add(ref requests, client.Requests);
        Interlocked.Add(ref throttles, client.Throttles);
        if (response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.TooManyRequests)
        {
            throw await SignedHttpClient.ErrorAsync(response, cancellation);
        }

        // A URL answers 502 when the function fails; the request id is still the invocation's.
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.First() : string.Empty;
        return new LambdaInvokeResult(requestId, (int)response.StatusCode, response.IsSuccessStatusCode ? null : "Unhandled", await response.Content.ReadAsByteArrayAsync(cancellation), string.Empty);
    }
}
