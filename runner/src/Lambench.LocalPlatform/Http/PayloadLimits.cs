using Lambench.LocalPlatform.Functions;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// Lambda's payload quotas, as its API reference states them (Invoke, 2025): 6 MB for a synchronous invocation's
/// request and response, 1 MB for an asynchronous one's request (256 KB before October 2025). A larger request is
/// answered as AWS answers it, 413 RequestEntityTooLargeException, without reading it all into memory.
/// </summary>
internal static class PayloadLimits
{
    public const int SynchronousRequestBytes = 6 * 1024 * 1024;
    public const int AsynchronousRequestBytes = 1024 * 1024;

    /// <summary>The response limit Lambda's errors name (6,291,556 bytes), for Function.ResponseSizeTooLarge.</summary>
    public const int ResponseBytes = 6_291_556;

    /// <summary>The request body of an Invoke, within its quota; an empty body is the event {}.</summary>
    /// <exception cref="LambdaServiceException">413 RequestEntityTooLargeException.</exception>
    public static async Task<byte[]> ReadInvokeAsync(HttpContext context, bool asynchronous)
    {
        var limit = asynchronous ? AsynchronousRequestBytes : SynchronousRequestBytes;
        var body = await ReadAsync(context, limit) ?? throw TooLarge(limit, asynchronous ? "InvokeFunctionAsync" : "InvokeFunction");
        return body.Length == 0 ? "{}"u8.ToArray() : body;
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (read no further than that).</summary>
    public static async Task<byte[]?> ReadAsync(HttpContext context, int limit)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(context.Request.ContentLength is { } length ? (int)length : 0);
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }

    public static LambdaServiceException TooLarge(int limit, string operation) =>
        new(413, "RequestEntityTooLargeException", $"Request must be smaller than {limit} bytes for the {operation} operation");
}
