namespace Lambench.Runner.Aws;

/// <summary>STS's GetCallerIdentity (AWSSDK.SecurityToken is not used; <see cref="StsClient"/> is the substitute).</summary>
public interface IIdentityApi
{
    Task<CallerIdentity> GetCallerIdentityAsync(CancellationToken cancellation = default);
}
