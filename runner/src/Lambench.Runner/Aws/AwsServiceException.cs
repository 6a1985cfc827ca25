namespace Lambench.Runner.Aws;

/// <summary>An error an AWS service (or the local platform) answered with: HTTP status, error type and message.</summary>
public sealed class AwsServiceException(int statusCode, string errorType, string message) : Exception($"{errorType}: {message}")
{
    public int StatusCode { get; } = statusCode;
    public string ErrorType { get; } = errorType;
    public bool IsThrottling => StatusCode == 429 || ErrorType is "TooManyRequestsException" or "ThrottlingException" or "Throttling" or "RequestLimitExceeded";
}
