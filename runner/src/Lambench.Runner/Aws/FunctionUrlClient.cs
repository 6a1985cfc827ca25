namespace Lambench.Runner.Aws;

/// <summary>Calls a function URL with AWS_IAM auth: a POST signed with SigV4 for the lambda service, retried on throttling.</summary>
public sealed class FunctionUrlClient(HttpClient http, string region, Func<CancellationToken, Task<Amazon.Runtime.ImmutableCredentials>> credentials, AwsCallPolicy? policy = null)
{
    private readonly SignedPost post = new(http, region, credentials, policy, "lambda");

    /// <summary>Requests sent so far, retries included.</summary>
    public int Requests => post.Requests;

    public int Throttles => post.Throttles;

    public async Task<LambdaInvokeResult> InvokeAsync(Uri url, byte[] payload, CancellationToken cancellation = default)
    {
        using var response = await post.SendAsync(url, payload, cancellation);

        // A URL answers 502 when the function fails; the request id is still the invocation's.
        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var values) ? values.First() : string.Empty;
        return new LambdaInvokeResult(requestId, (int)response.StatusCode, response.IsSuccessStatusCode ? null : "Unhandled", await response.Content.ReadAsByteArrayAsync(cancellation), string.Empty);
    }
}
