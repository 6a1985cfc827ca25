using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.LocalPlatform.Sqs;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>SQS over HTTP in both of AWS's protocols: JSON 1.0 (X-Amz-Target: AmazonSQS.&lt;operation&gt;) and query (Action=...).</summary>
internal static class SqsEndpoints
{
    public const string TargetPrefix = "AmazonSQS.";

    public static async Task<IResult> HandleJsonAsync(SqsService sqs, string operation, HttpContext context)
    {
        JsonObject request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? [];
        }
        catch (JsonException e)
        {
            return Error(new SqsException("com.amazonaws.sqs#InvalidParameterValue", "InvalidParameterValue", "the request body is not JSON: " + e.Message), json: true);
        }

        try
        {
            var result = await sqs.HandleAsync(operation, request, context.RequestAborted);
            return Results.Text(result.ToJsonString(), "application/x-amz-json-1.0");
        }
        catch (SqsException e)
        {
            return Error(e, json: true);
        }
    }

    public static async Task<IResult> HandleQueryAsync(SqsService sqs, HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var action = form["Action"].FirstOrDefault();
        if (action is null)
        {
            return Error(SqsException.Missing("Action"), json: false);
        }

        var request = SqsQueryProtocol.ToJson(form.Select(f => KeyValuePair.Create(f.Key, f.Value.ToString())));
        if (context.Request.RouteValues.TryGetValue("queue", out var queue) && request["QueueUrl"] is null)
        {
            request["QueueUrl"] = context.Request.Path.Value; // the query protocol may address the queue by its URL
        }

        try
        {
            var result = await sqs.HandleAsync(action, request, context.RequestAborted);
            return Results.Text(SqsQueryProtocol.ToXml(action, result, Guid.NewGuid().ToString()), "text/xml");
        }
        catch (SqsException e)
        {
            return Error(e, json: false);
        }
    }

    private static IResult Error(SqsException error, bool json) => new SqsErrorResult(error, json);

    private sealed class SqsErrorResult(SqsException error, bool json) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var requestId = Guid.NewGuid().ToString();
            context.Response.StatusCode = 400;
            context.Response.Headers["x-amzn-RequestId"] = requestId;
            context.Response.Headers["x-amzn-query-error"] = error.QueryCode + ";Sender";
            if (json)
            {
                context.Response.ContentType = "application/x-amz-json-1.0";
                await context.Response.WriteAsync(new JsonObject { ["__type"] = error.JsonType, ["message"] = error.Message }.ToJsonString());
            }
            else
            {
                context.Response.ContentType = "text/xml";
                await context.Response.WriteAsync(SqsQueryProtocol.ErrorXml(error, requestId));
            }
        }
    }
}
