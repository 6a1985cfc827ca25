namespace Lambench.Runner.Aws;

/// <summary>
/// Calls a route of an API Gateway HTTP API with AWS_IAM auth: a POST signed with SigV4 for execute-api. API Gateway
/// answers with its own request id (apigw-requestid), never the invocation's, and a 500 for a function error and a
/// Lambda throttle alike; its own throttling is a 429, which <paramref name="policy"/> may retry.
/// </summary>
public sealed class HttpApiClient(HttpClient http, string region, Func<CancellationToken, Task<Amazon.Runtime.ImmutableCredentials>> credentials, AwsCallPolicy? policy = null)
{
    public const string Service = "execute-api";

    private readonly SignedPost post = new(http, region, credentials, policy, Service);

    /// <summary>POSTs <paramref name="payload"/> to <paramref name="route"/>: the status code and API Gateway's request id.</summary>
    /// <exception cref="AwsServiceException">403 (not allowed) or 429 (API Gateway's throttling, <see cref="AwsServiceException.IsThrottling"/>).</exception>
    public async Task<(int StatusCode, string ApiRequestId)> PostAsync(Uri route, byte[] payload, CancellationToken cancellation = default)
    {
        using var response = await post.SendAsync(route, payload, cancellation);

        // The body is read so that the connection is reused; the function's answer itself is not kept.
        await response.Content.ReadAsByteArrayAsync(cancellation);
        return ((int)response.StatusCode, response.Headers.TryGetValues("apigw-requestid", out var values) ? values.First() : string.Empty);
    }
}
