using Lambench.LocalPlatform.Functions;
using Lambench.LocalPlatform.Template;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// The template's API Gateway HTTP APIs at /execute-api/&lt;api id&gt;/&lt;route path&gt;, each route invoking its
/// function with payload format 2.0 (Lambda proxy integration), as AWS serves https://&lt;api id&gt;.execute-api....
/// Every request is SigV4-checked by <see cref="RequestGuard"/>, as AWS_IAM auth does. As on AWS, a route that does not
/// exist answers 404, and a function error and a Lambda throttle both answer 500 (the client cannot tell them apart;
/// the function's log can), with API Gateway's own request id in apigw-requestid, never the invocation's.
/// </summary>
internal static class HttpApiEndpoints
{
    public const string Prefix = "/execute-api";

    public static void Map(IEndpointRouteBuilder app, LocalTemplate template, IReadOnlyDictionary<string, FunctionHost> functions)
    {
        var routes = template.HttpApis.ToDictionary(
            api => api.ApiId,
            api => template.Functions.SelectMany(f => f.HttpApiRoutes.Where(r => r.ApiLogicalId == api.LogicalId).Select(r => (Route: r, f.FunctionName))).ToList(),
            StringComparer.Ordinal);
        app.Map(Prefix + "/{apiId}/{**path}", async (string apiId, string? path, HttpContext context) =>
        {
            var requestId = Guid.NewGuid().ToString();
            context.Response.Headers["apigw-requestid"] = requestId;
            var rawPath = "/" + (path ?? string.Empty);
            var found = routes.GetValueOrDefault(apiId)?.FirstOrDefault(r => r.Route.Matches(context.Request.Method, rawPath));
            if (found?.Route is null)
            {
                return Results.Json(new { message = "Not Found" }, statusCode: 404);
            }

            if (await PayloadLimits.ReadAsync(context, PayloadLimits.SynchronousRequestBytes) is not { } body)
            {
                return Results.Json(new { message = "Request Entity Too Large" }, statusCode: 413);
            }

            InvocationOutcome outcome;
            try
            {
                outcome = await functions[found.Value.FunctionName].InvokeAsync(HttpEvents.Event(context, body, rawPath, found.Value.Route.RouteKey, apiId, requestId), context.RequestAborted);
            }
            catch (LambdaServiceException)
            {
                return InternalServerError(); // Lambda's 429 (throttled) included, as API Gateway answers it
            }

            return outcome.FunctionError is null ? HttpEvents.Response(outcome.Payload) : InternalServerError();
        });
    }

    private static IResult InternalServerError() => Results.Json(new { message = "Internal Server Error" }, statusCode: 500);
}
