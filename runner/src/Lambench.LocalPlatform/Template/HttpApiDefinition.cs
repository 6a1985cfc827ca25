namespace Lambench.LocalPlatform.Template;

/// <summary>
/// An AWS::Serverless::HttpApi: its logical id and the id the local platform gives it (AWS draws a 10-character id;
/// locally it is the logical id in lower case). Locally every request must be SigV4-signed, as with AWS_IAM auth.
/// </summary>
public sealed record HttpApiDefinition(string LogicalId, string ApiId);
