using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.LocalPlatform.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// Function URLs at /lambda-url/&lt;function name&gt;/..., with AWS_IAM auth (the SigV4 signature is checked, as for
/// every request, by <see cref="RequestGuard"/> before this is reached) and payload format 2.0, as Lambda's URLs send it.
/// </summary>
internal static class FunctionUrlEndpoints
{
    public const string Prefix = "/lambda-url";

    public static void Map(IEndpointRouteBuilder app, IReadOnlyDictionary<string, FunctionHost> functions)
    {
        app.Map(Prefix + "/{name}/{**path}", async (string name, string? path, HttpContext context) =>
        {
            if (!functions.TryGetValue(name, out var host) || !host.State.Definition.HasFunctionUrl)
            {
                return Results.Json(new { Message = "Forbidden" }, statusCode: 403);
            }

            if (await PayloadLimits.ReadAsync(context, PayloadLimits.SynchronousRequestBytes) is not { } body)
            {
                return Results.Json(new { Message = PayloadLimits.TooLarge(PayloadLimits.SynchronousRequestBytes, "InvokeFunction").Message }, statusCode: 413);
            }

            var text = body.Length == 0 ? null : TryUtf8(body);
            var headers = new JsonObject();
            foreach (var (key, value) in context.Request.Headers)
            {
                headers[key.ToLowerInvariant()] = value.ToString();
            }

            var now = DateTimeOffset.UtcNow;
            var rawPath = "/" + (path ?? string.Empty);
            var payload = new JsonObject
            {
                ["version"] = "2.0",
                ["routeKey"] = "$default",
                ["rawPath"] = rawPath,
                ["rawQueryString"] = context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty,
                ["headers"] = headers,
                ["requestContext"] = new JsonObject
                {
                    ["accountId"] = "000000000000",
                    ["apiId"] = name,
                    ["domainName"] = context.Request.Host.Value,
                    ["http"] = new JsonObject
                    {
                        ["method"] = context.Request.Method,
                        ["path"] = rawPath,
                        ["protocol"] = context.Request.Protocol,
                        ["sourceIp"] = context.Connection.RemoteIpAddress?.ToString(),
                        ["userAgent"] = context.Request.Headers.UserAgent.ToString(),
                    },
                    ["requestId"] = Guid.NewGuid().ToString(),
                    ["routeKey"] = "$default",
                    ["stage"] = "$default",
                    ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                    ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
                },
                ["body"] = text ?? (body.Length == 0 ? null : Convert.ToBase64String(body)),
                ["isBase64Encoded"] = text is null && body.Length > 0,
            };
            InvocationOutcome outcome;
            try
            {
                outcome = await host.InvokeAsync(Encoding.UTF8.GetBytes(payload.ToJsonString()), context.RequestAborted);
            }
            catch (LambdaServiceException e) when (e.StatusCode == 429)
            {
                return Results.Json(new { Message = "Rate Exceeded." }, statusCode: 429);
            }

            // As on AWS, the answer names the invocation's request id, failed or not.
            context.Response.Headers["x-amzn-RequestId"] = outcome.RequestId;
            if (outcome.FunctionError is not null)
            {
                return Results.Json(new { Message = "Internal Server Error" }, statusCode: 502);
            }

            return Response(outcome.Payload);
        });
    }

    /// <summary>A result with statusCode is an HTTP response (headers, body, isBase64Encoded); anything else is a 200 JSON body.</summary>
    private static IResult Response(byte[] payload)
    {
        JsonNode? result;
        try
        {
            result = JsonNode.Parse(payload);
        }
        catch (JsonException)
        {
            return Results.Bytes(payload, "application/json");
        }

        if (result is not JsonObject response || response["statusCode"] is null)
        {
            return Results.Bytes(payload, "application/json");
        }

        var status = response["statusCode"]!.GetValue<int>();
        var body = response["body"]?.GetValue<string>() ?? string.Empty;
        var bytes = response["isBase64Encoded"]?.GetValue<bool>() == true ? Convert.FromBase64String(body) : Encoding.UTF8.GetBytes(body);
        var contentType = (response["headers"] as JsonObject)?.FirstOrDefault(h => h.Key.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>() ?? "application/json";
        return new StatusBytesResult(status, bytes, contentType);
    }

    private static string? TryUtf8(byte[] body)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private sealed class StatusBytesResult(int status, byte[] body, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body);
        }
    }
}
