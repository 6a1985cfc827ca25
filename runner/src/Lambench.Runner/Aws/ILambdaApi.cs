namespace Lambench.Runner.Aws;

/// <summary>The Lambda operations the runner uses (AWSSDK.Lambda is not obtainable here; <see cref="LambdaClient"/> is the substitute).</summary>
public interface ILambdaApi
{
    /// <summary>Requests sent so far, retries included.</summary>
    int Requests { get; }

    /// <summary>Throttling answers received so far (each one retried with backoff).</summary>
    int Throttles { get; }

    Task<LambdaInvokeResult> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellation = default);

    /// <summary>An asynchronous Invoke (InvocationType Event); returns the request id Lambda gave the queued event.</summary>
    Task<string> InvokeEventAsync(string functionName, byte[] payload, CancellationToken cancellation = default);

    Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, CancellationToken cancellation = default);

    /// <summary>Changes memory and environment variables, then waits until LastUpdateStatus is Successful.</summary>
    Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(string functionName, int? memorySize, IReadOnlyDictionary<string, string>? environment, TimeSpan wait, CancellationToken cancellation = default);

    /// <summary>The function's URL (GetFunctionUrlConfig).</summary>
    Task<Uri> GetFunctionUrlAsync(string functionName, CancellationToken cancellation = default);

    /// <summary>Sets reserved concurrency, or removes it with null.</summary>
    Task SetReservedConcurrencyAsync(string functionName, int? reserved, CancellationToken cancellation = default);
}
