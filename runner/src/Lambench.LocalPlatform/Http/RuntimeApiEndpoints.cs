using System.Globalization;
using System.Text.Json;
using Lambench.LocalPlatform.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lambench.LocalPlatform.Http;

/// <summary>The Lambda Runtime API (2018-06-01) under /env/&lt;environment id&gt;/, one prefix per execution environment.</summary>
internal static class RuntimeApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EnvironmentRegistry registry, Func<string, string> functionArn)
    {
        var api = app.MapGroup("/env/{environment}/2018-06-01/runtime");
        api.MapGet("/invocation/next", async (string environment, HttpContext context) =>
        {
            if (registry.Find(environment) is not { } found)
            {
                return Results.StatusCode(410);
            }

            PendingInvocation invocation;
            try
            {
                invocation = await found.NextAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                return Results.StatusCode(410);
            }

            var headers = context.Response.Headers;
            headers["Lambda-Runtime-Aws-Request-Id"] = invocation.RequestId;
            headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            headers["Lambda-Runtime-Invoked-Function-Arn"] = functionArn(environment);
            headers["Lambda-Runtime-Trace-Id"] = "Root=1-00000000-000000000000000000000000;Sampled=0";
            return Results.Bytes(invocation.Payload, "application/json");
        });
        api.MapPost("/invocation/{requestId}/response", async (string environment, string requestId, HttpContext context) =>
            await Complete(registry, environment, requestId, context, errorType: null));
        api.MapPost("/invocation/{requestId}/error", async (string environment, string requestId, HttpContext context) =>
            await Complete(registry, environment, requestId, context, context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault() ?? "Runtime.Unknown"));
        api.MapPost("/init/error", async (string environment, HttpContext context) =>
        {
            if (registry.Find(environment) is not { } found)
            {
                return Results.StatusCode(410);
            }

            var body = await PayloadLimits.ReadAsync(context, PayloadLimits.ResponseBytes) ?? [];
            var message = TryMessage(body) ?? System.Text.Encoding.UTF8.GetString(body);
            found.FailInit(context.Request.Headers["Lambda-Runtime-Function-Error-Type"].FirstOrDefault() ?? "Runtime.Unknown", message);
            return Results.Accepted();
        });
    }

    private static async Task<IResult> Complete(EnvironmentRegistry registry, string environment, string requestId, HttpContext context, string? errorType)
    {
        if (registry.Find(environment) is not { Current: { } current } || current.RequestId != requestId)
        {
            return Results.Json(new { errorMessage = $"invalid request id {requestId}", errorType = "InvalidRequestID" }, statusCode: 400);
        }

        if (await PayloadLimits.ReadAsync(context, PayloadLimits.ResponseBytes) is not { } body)
        {
            // As Lambda does: the caller gets an error instead of the oversized response, and the runtime a 413.
            var message = $"Response payload size exceeded maximum allowed payload size ({PayloadLimits.ResponseBytes} bytes).";
            current.Complete(Functions.InvocationRecorder.ErrorDocument("Function.ResponseSizeTooLarge", message), "Function.ResponseSizeTooLarge");
            return Results.Json(new { errorMessage = message, errorType = "RequestEntityTooLarge" }, statusCode: 413);
        }

        current.Complete(body, errorType);
        return Results.Accepted();
    }

    private static string? TryMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("errorMessage", out var message) ? message.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
