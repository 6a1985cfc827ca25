namespace Lambench.Runner.Aws;

/// <summary>STS GetCallerIdentity in the query protocol (botocore's sts model), SigV4-signed for sts in the run's region.</summary>
public sealed class StsClient(HttpClient http, AwsEndpoint endpoint) : IIdentityApi
{
    private readonly SignedHttpClient client = new(http, endpoint, "sts");

    public async Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellation = default)
    {
        var answer = await client.SendQueryAsync(new Dictionary<string, string> { ["Action"] = "GetCallerIdentity", ["Version"] = "2011-06-15" }, cancellation);
        var result = answer.All("GetCallerIdentityResult").FirstOrDefault()
            ?? throw new AwsServiceException(0, "MalformedAnswer", "GetCallerIdentity answered without a GetCallerIdentityResult");
        return new CallerIdentity(result.ChildValue("Account") ?? string.Empty, result.ChildValue("Arn") ?? string.Empty, result.ChildValue("UserId") ?? string.Empty);
    }
}
