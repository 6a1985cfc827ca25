using Amazon.Runtime;

namespace Lambench.Runner.Aws;

/// <summary>Where a service is and how to sign for it: the endpoint, the region and the credentials (the AWS way).</summary>
public sealed record AwsEndpoint(Uri Url, string Region, Func<CancellationToken, Task<ImmutableCredentials>> Credentials)
{
    /// <summary>Timeouts, deadline and progress of the calls made to this endpoint.</summary>
    public AwsCallPolicy Policy { get; init; } = AwsCallPolicy.Default;

    /// <summary>
    /// The service's endpoint in <paramref name="region"/> with the SDK's credential chain (environment, profiles, SSO,
    /// instance roles): the public one, or the one configured the AWS way (<see cref="ConfiguredEndpoints"/>).
    /// </summary>
    public static AwsEndpoint Public(string service, string region) =>
        new(WithTrailingSlash(ConfiguredEndpoints.For(service)) ?? new Uri($"https://{service}.{region}.amazonaws.com/"), region, async cancellation =>
        {
            try
            {
                var credentials = await Amazon.Runtime.Credentials.DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null);
                return await credentials.GetCredentialsAsync();
            }
            catch (AmazonClientException)
            {
                // The SDK's message lists every provider's failure at length; what to do is shorter.
                throw new AwsServiceException(0, "NoCredentials", "no AWS credentials found (environment, profiles, SSO, web identity and instance roles were tried): set AWS_PROFILE after aws configure or aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY");
            }
        });

    private static Uri? WithTrailingSlash(Uri? url) =>
        url is null || url.AbsolutePath.EndsWith('/') ? url : new Uri(url + "/");

    /// <summary>An endpoint with fixed credentials, such as the local platform's.</summary>
    public static AwsEndpoint Fixed(Uri url, string region, string accessKey, string secretKey) =>
        new(url, region, _ => Task.FromResult(new ImmutableCredentials(accessKey, secretKey, null)));
}
