namespace Lambench.LocalPlatform.Functions;

/// <summary>An error the Lambda API returns as AWS does: HTTP status, error type (x-amzn-ErrorType) and message.</summary>
public sealed class LambdaServiceException(int statusCode, string errorType, string message, string? reason = null) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string ErrorType { get; } = errorType;
    public string? Reason { get; } = reason;

    public static LambdaServiceException NotFound(string name) =>
        new(404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:us-east-1:000000000000:function:{name}");

    public static LambdaServiceException InvalidParameter(string message) => new(400, "InvalidParameterValueException", message);
}
