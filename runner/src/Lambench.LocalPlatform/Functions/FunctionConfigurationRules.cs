namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// What UpdateFunctionConfiguration accepts, with AWS's own validation messages, so a malformed configuration gets the
/// error a client expects instead of a 500.
/// </summary>
internal static class FunctionConfigurationRules
{
    /// <summary>Lambda's limit on a function's environment variables: 4 KB for all keys and values together.</summary>
    public const int MaxEnvironmentBytes = 4096;

    /// <exception cref="LambdaServiceException">400 InvalidParameterValueException naming the value.</exception>
    public static void Check(int? memorySizeMb, int? timeoutSeconds, IReadOnlyDictionary<string, string>? environment, string? logFormat)
    {
        if (logFormat is not (null or "Text" or "JSON"))
        {
            throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value '{logFormat}' at 'loggingConfig.logFormat' failed to satisfy constraint: Member must satisfy enum value set: [Text, JSON]");
        }

        if (memorySizeMb is < 128 or > 10240)
        {
            throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value '{memorySizeMb}' at 'memorySize' failed to satisfy constraint: Member must have value between 128 and 10240");
        }

        if (timeoutSeconds is < 1 or > 900)
        {
            throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value '{timeoutSeconds}' at 'timeout' failed to satisfy constraint: Member must have value between 1 and 900");
        }

        if (environment is not null)
        {
            if (environment.Keys.FirstOrDefault(k => !IsVariableName(k)) is { } bad)
            {
                throw LambdaServiceException.InvalidParameter($"1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+] ('{Lambench.Core.Text.Excerpt.Of(bad)}')");
            }

            var size = environment.Sum(v => System.Text.Encoding.UTF8.GetByteCount(v.Key) + System.Text.Encoding.UTF8.GetByteCount(v.Value));
            if (size > MaxEnvironmentBytes)
            {
                throw LambdaServiceException.InvalidParameter($"Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit. String measured: {size} bytes");
            }
        }
    }

    private static bool IsVariableName(string key) =>
        key.Length >= 2 && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
