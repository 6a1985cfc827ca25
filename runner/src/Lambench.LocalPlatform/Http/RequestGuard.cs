using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// What every request to the platform must pass before it is served, so that no web page the user visits can use it:
/// a Host of 127.0.0.1, localhost or [::1] on the platform's port (a DNS-rebound name is refused), no browser Origin,
/// and, except for the Runtime API that the function processes call, an AWS SigV4 signature made with the platform's
/// own key (<see cref="SigV4Verifier"/>). AWS's clients (the CLI, boto3, the SDKs) pass all three unchanged.
/// </summary>
internal sealed class RequestGuard(SigV4Verifier verifier, Func<int> port, TimeProvider time)
{
    /// <summary>The Runtime API's prefix (/env/&lt;id&gt;/2018-06-01/runtime): unsigned, as Lambda's is inside its sandbox.</summary>
    public static readonly PathString RuntimeApiPrefix = "/env";

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (Refusal(context) is { } refused)
        {
            await WriteAsync(context, 403, refused.Type, refused.Message);
            return;
        }

        if (!context.Request.Path.StartsWithSegments(RuntimeApiPrefix, StringComparison.Ordinal))
        {
            byte[] hash = EmptySha256;
            if (context.Request.ContentLength != 0)
            {
                hash = await HashBodyAsync(context);
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(',', h.Value.ToArray()), StringComparer.Ordinal);
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path + context.Request.QueryString;
            if (verifier.Verify(new SigV4Verifier.SignedRequest(context.Request.Method, rawTarget, headers, hash, RequiredService(context.Request.Path)), time.GetUtcNow()) is { } failure)
            {
                await WriteAsync(context, 403, failure.Type, failure.Message);
                return;
            }
        }

        await next(context);
    }

    private static readonly byte[] EmptySha256 = SHA256.HashData([]);

    /// <summary>
    /// A function URL call must be signed for lambda and an HTTP API call for execute-api, as AWS requires (the
    /// other services here share one endpoint, so their scope's service is the client's).
    /// </summary>
    private static string? RequiredService(PathString path) =>
        path.StartsWithSegments(FunctionUrlEndpoints.Prefix, StringComparison.Ordinal) ? "lambda"
        : path.StartsWithSegments(HttpApiEndpoints.Prefix, StringComparison.Ordinal) ? "execute-api"
        : null;

    /// <summary>The body's SHA-256, read once into a buffer the endpoint then reads again.</summary>
    private static async Task<byte[]> HashBodyAsync(HttpContext context)
    {
        context.Request.EnableBuffering();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                sha.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        var hash = sha.GetHashAndReset();
        context.Request.Body.Position = 0;
        return hash;
    }

    private (string Type, string Message)? Refusal(HttpContext context)
    {
        if (context.Request.Headers.Origin.Count > 0)
        {
            return ("AccessDeniedException", "requests from a web page (with an Origin header) are refused: the local platform serves AWS clients on this machine only");
        }

        var host = context.Request.Host;
        var name = host.Host;
        if (host.Port != port() || name is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            return ("AccessDeniedException", $"Host '{Core.Text.Excerpt.Of(host.Value ?? string.Empty)}' is refused: address the local platform as 127.0.0.1:{port()}, localhost:{port()} or [::1]:{port()}");
        }

        return null;
    }

    /// <summary>An error every AWS protocol's clients read: x-amzn-ErrorType (rest-json), __type (JSON), and for a form request the query protocol's XML.</summary>
    private static async Task WriteAsync(HttpContext context, int status, string type, string message)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-amzn-ErrorType"] = type;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (context.Request.HasFormContentType)
        {
            context.Response.ContentType = "text/xml";
            var escaped = System.Security.SecurityElement.Escape(message);
            await context.Response.WriteAsync($"<ErrorResponse><Error><Type>Sender</Type><Code>{type.Replace("Exception", string.Empty, StringComparison.Ordinal)}</Code><Message>{escaped}</Message></Error><RequestId>{context.Response.Headers["x-amzn-RequestId"]}</RequestId></ErrorResponse>");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message, ["Message"] = message }));
    }
}
