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

            InvocationOutcome outcome;
            try
            {
                outcome = await host.InvokeAsync(HttpEvents.Event(context, body, "/" + (path ?? string.Empty), "$default", name, Guid.NewGuid().ToString()), context.RequestAborted);
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

            return HttpEvents.Response(outcome.Payload);
        });
    }
}
