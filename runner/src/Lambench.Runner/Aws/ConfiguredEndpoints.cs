using Amazon.Runtime.CredentialManagement;

namespace Lambench.Runner.Aws;

/// <summary>
/// The endpoint a user configured for a service, the way the AWS SDKs and CLI read it: AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
/// then AWS_ENDPOINT_URL, then the profile's endpoint_url; none when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
/// (A profile's per-service <c>services</c> section is not read here.) The SQS and DynamoDB clients of AWSSDK read the
/// same settings themselves, so all of a run's clients go to one place.
/// </summary>
public static class ConfiguredEndpoints
{
    /// <summary>The service identifiers of the environment variables (AWS_ENDPOINT_URL_&lt;id&gt;), by signing name.</summary>
    public static string EnvironmentId(string signingName) => signingName switch
    {
        "logs" => "CLOUDWATCH_LOGS",
        "monitoring" => "CLOUDWATCH",
        _ => signingName.ToUpperInvariant().Replace('-', '_'),
    };

    /// <summary>The configured endpoint of <paramref name="signingName"/> (lambda, logs, monitoring, sts, cloudformation), or null.</summary>
    /// <exception cref="AwsServiceException">a configured value that is not an absolute http(s) URL.</exception>
    public static Uri? For(string signingName, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var specific = "AWS_ENDPOINT_URL_" + EnvironmentId(signingName);
        if (Parse(environment(specific), specific) is { } serviceUrl)
        {
            return serviceUrl;
        }

        if (Parse(environment("AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL") is { } globalUrl)
        {
            return globalUrl;
        }

        var profileName = environment("AWS_PROFILE") ?? "default";
        return new CredentialProfileStoreChain().TryGetProfile(profileName, out var profile) && profile.IgnoreConfiguredEndpointUrls != true
            ? Parse(profile.EndpointUrl, $"endpoint_url of profile {profileName}")
            : null;
    }

    private static Uri? Parse(string? value, string origin)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new AwsServiceException(0, "BadEndpoint", $"{origin} is '{value}', not an http(s) URL");
    }
}
