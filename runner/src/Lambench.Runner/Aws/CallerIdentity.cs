namespace Lambench.Runner.Aws;

/// <summary>Whose credentials these are (STS GetCallerIdentity): the account, the ARN of the user or role, its id.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
