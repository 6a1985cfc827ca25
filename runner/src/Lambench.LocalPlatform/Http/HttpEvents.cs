using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// Payload format 2.0, which function URLs and API Gateway HTTP APIs both send: the event made of an HTTP request,
/// and the HTTP response made of what the function returned.
/// </summary>
internal static class HttpEvents
{
    /// <param name="routeKey">"$default" for a function URL, "POST /path" for an HTTP API route.</param>
    /// <param name="apiId">the URL's id or the API's.</param>
    public static byte[] Event(HttpContext context, byte[] body, string rawPath, string routeKey, string apiId, string requestId)
    {
        var text = body.Length == 0 ? null : TryUtf8(body);
        var headers = new JsonObject();
        foreach (var (key, value) in context.Request.Headers)
        {
            headers[key.ToLowerInvariant()] = value.ToString();
        }

        var now = DateTimeOffset.UtcNow;
        var payload = new JsonObject
        {
            ["version"] = "2.0",
            ["routeKey"] = routeKey,
            ["rawPath"] = rawPath,
            ["rawQueryString"] = context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty,
            ["headers"] = headers,
            ["requestContext"] = new JsonObject
            {
                ["accountId"] = "000000000000",
                ["apiId"] = apiId,
                ["domainName"] = context.Request.Host.Value,
                ["http"] = new JsonObject
                {
                    ["method"] = context.Request.Method,
                    ["path"] = rawPath,
                    ["protocol"] = context.Request.Protocol,
                    ["sourceIp"] = context.Connection.RemoteIpAddress?.ToString(),
                    ["userAgent"] = context.Request.Headers.UserAgent.ToString(),
                },
                ["requestId"] = requestId,
                ["routeKey"] = routeKey,
                ["stage"] = "$default",
                ["time"] = now.ToString("dd/MMM/yyyy:HH:mm:ss +0000", CultureInfo.InvariantCulture),
                ["timeEpoch"] = now.ToUnixTimeMilliseconds(),
            },
            ["body"] = text ?? (body.Length == 0 ? null : Convert.ToBase64String(body)),
            ["isBase64Encoded"] = text is null && body.Length > 0,
        };
        return Encoding.UTF8.GetBytes(payload.ToJsonString());
    }

    /// <summary>A result with statusCode is an HTTP response (headers, body, isBase64Encoded); anything else is a 200 JSON body.</summary>
    public static IResult Response(byte[] payload)
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
