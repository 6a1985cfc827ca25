namespace Lambench.Runner.Aws;

/// <summary>
/// A SigV4-signed POST to an address that runs something when called (a function URL, an HTTP API route): sent once
/// (a timeout or a server error is an answer, not retried), throttling retried as the policy says, and a refusal
/// (403) or a throttle left over (429) thrown. Counts every request sent and every throttle met.
/// </summary>
internal sealed class SignedPost(HttpClient http, string region, Func<CancellationToken, Task<Amazon.Runtime.ImmutableCredentials>> credentials, AwsCallPolicy? policy, string service)
{
    public int Requests => Volatile.Read(ref requests);

    public int Throttles => Volatile.Read(ref throttles);

    private int requests, throttles;

    /// <exception cref="AwsServiceException">403, or 429 (<see cref="AwsServiceException.IsThrottling"/>).</exception>
    public async Task<HttpResponseMessage> SendAsync(Uri url, byte[] payload, CancellationToken cancellation)
    {
        var client = new SignedHttpClient(http, new AwsEndpoint(url, region, credentials) { Policy = policy ?? AwsCallPolicy.Default }, service);
        var response = await client.SendAsync(HttpMethod.Post, string.Empty, payload, new Dictionary<string, string>(), "application/json", cancellation, idempotent: false, retryServerErrors: false);
        Interlocked.Add(ref requests, client.Requests);
        Interlocked.Add(ref throttles, client.Throttles);
        if (response.StatusCode is System.Net.HttpStatusCode.Forbidden or System.Net.HttpStatusCode.TooManyRequests)
        {
            using (response)
            {
                throw await SignedHttpClient.ErrorAsync(response, cancellation);
            }
        }

        return response;
    }
}
