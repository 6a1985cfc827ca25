using Amazon.Runtime;
using Lambench.Runner.Aws;

namespace Lambench.LocalPlatform.Tests;

/// <summary>An HttpClient whose requests are signed with the platform's key (the runner's SigV4 signer), as every request but the Runtime API's must be.</summary>
internal static class SignedHttp
{
    public static HttpClient Client(LocalPlatform platform, string service = "lambda") =>
        new(new SigningHandler(service) { InnerHandler = new HttpClientHandler() }) { BaseAddress = platform.Endpoint };

    private sealed class SigningHandler(string service) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            SigV4Signer.Sign(request, body, new ImmutableCredentials(LocalPlatform.AccessKeyId, LocalPlatform.SecretAccessKey, null), LocalPlatform.Region, service, DateTime.UtcNow);
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
