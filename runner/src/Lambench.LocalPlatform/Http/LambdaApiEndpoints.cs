using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambench.LocalPlatform.Functions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// The Lambda API operations the runner uses, in AWS's rest-json shapes (botocore's lambda service model):
/// Invoke, GetFunction, GetFunctionConfiguration, UpdateFunctionConfiguration, ListFunctions,
/// PutFunctionConcurrency, GetFunctionConcurrency, DeleteFunctionConcurrency, GetFunctionUrlConfig.
/// </summary>
internal static class LambdaApiEndpoints
{
    public static void Map(IEndpointRouteBuilder app, IReadOnlyDictionary<string, FunctionHost> functions)
    {
        FunctionHost Find(string name)
        {
            // A name, a full ARN or a partial ARN (account:function:name), with an optional qualifier.
            var decoded = Uri.UnescapeDataString(name);
            var parts = decoded.Split(':');
            var functionName = parts.Length switch
            {
                1 => parts[0],
                >= 7 when parts[0] == "arn" => parts[6],
                >= 3 when parts[1] == "function" => parts[2],
                2 => parts[0],
                _ => decoded,
            };
            return functions.GetValueOrDefault(functionName) ?? throw LambdaServiceException.NotFound(functionName);
        }

        app.MapPost("/2015-03-31/functions/{name}/invocations", (string name, HttpContext context) => Handle(async () =>
        {
            var host = Find(name);
            var type = context.Request.Headers["X-Amz-Invocation-Type"].FirstOrDefault() ?? "RequestResponse";
            var payload = await PayloadLimits.ReadInvokeAsync(context, type == "Event");
            if (!IsJson(payload))
            {
                return AwsErrors.RestJson(400, "InvalidRequestContentException", "Could not parse request body into json: the payload is not valid JSON");
            }

            switch (type)
            {
                case "DryRun":
                    return Results.StatusCode(204);
                case "Event":
                    // Lambda names the invocation when it accepts the event: the id in the 202 is the one its logs carry.
                    var eventId = Guid.NewGuid().ToString();
                    context.Response.Headers["x-amzn-RequestId"] = eventId;
                    _ = Task.Run(() => InvokeLaterAsync(host, payload, eventId));
                    return Results.StatusCode(202);
                case "RequestResponse":
                    var outcome = await host.InvokeAsync(payload, context.RequestAborted);
                    context.Response.Headers["X-Amz-Executed-Version"] = "$LATEST";
                    context.Response.Headers["x-amzn-RequestId"] = outcome.RequestId;
                    if (outcome.FunctionError is not null)
                    {
                        context.Response.Headers["X-Amz-Function-Error"] = outcome.FunctionError;
                    }

                    if (context.Request.Headers["X-Amz-Log-Type"].FirstOrDefault() == "Tail")
                    {
                        context.Response.Headers["X-Amz-Log-Result"] = outcome.LogTail;
                    }

                    return Results.Bytes(outcome.Payload, "application/json");
                default:
                    return AwsErrors.RestJson(400, "InvalidParameterValueException", $"1 validation error detected: Value '{type}' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: [Event, RequestResponse, DryRun]");
            }
        }));
        app.MapGet("/2015-03-31/functions/{name}", (string name) => Handle(() =>
        {
            var state = Find(name).State;
            var body = new JsonObject
            {
                ["Configuration"] = Configuration(state, Find(name).UnavailableReason),
                ["Code"] = new JsonObject { ["RepositoryType"] = "Local", ["Location"] = new Uri(state.Definition.CodeDirectory).AbsoluteUri },
            };
            if (state.ReservedConcurrency is { } reserved)
            {
                body["Concurrency"] = new JsonObject { ["ReservedConcurrentExecutions"] = reserved };
            }

            return Task.FromResult(Json(body));
        }));
        app.MapGet("/2015-03-31/functions/{name}/configuration", (string name) => Handle(() => Task.FromResult(Json(Configuration(Find(name).State, Find(name).UnavailableReason)))));
        app.MapPut("/2015-03-31/functions/{name}/configuration", (string name, HttpContext context) => Handle(async () =>
        {
            var host = Find(name);
            var request = await ReadObjectAsync(context);
            int? Integer(string key) => request[key] is JsonValue value && value.TryGetValue<int>(out var number) ? number : request[key] is null ? null
                : throw LambdaServiceException.InvalidParameter($"{key} must be a whole number");
            var variables = request["Environment"]?["Variables"] is JsonObject given
                ? given.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var text) ? text
                    : throw new LambdaServiceException(400, "InvalidRequestContentException", $"Could not parse request body into json: Environment.Variables.{p.Key} is not a string"), StringComparer.Ordinal)
                : null;
            var updated = host.Update(Integer("MemorySize"), Integer("Timeout"), variables, request["LoggingConfig"]?["LogFormat"]?.GetValue<string>());
            return Json(Configuration(updated, host.UnavailableReason));
        }));
        app.MapGet("/2021-10-31/functions/{name}/url", (string name, HttpContext context) => Handle(() =>
        {
            var state = Find(name).State;
            if (!state.Definition.HasFunctionUrl)
            {
                throw LambdaServiceException.NotFound(state.Definition.FunctionName);
            }

            return Task.FromResult(Json(new JsonObject
            {
                ["FunctionUrl"] = $"{context.Request.Scheme}://{context.Request.Host}{FunctionUrlEndpoints.Prefix}/{state.Definition.FunctionName}/",
                ["FunctionArn"] = state.FunctionArn,
                ["AuthType"] = "AWS_IAM",
                ["InvokeMode"] = "BUFFERED",
            }));
        }));
        app.MapGet("/2015-03-31/functions", () => Json(new JsonObject
        {
            ["Functions"] = new JsonArray(functions.Values.Select(f => (JsonNode)Configuration(f.State, f.UnavailableReason)).ToArray()),
        }));
        app.MapPut("/2017-10-31/functions/{name}/concurrency", (string name, HttpContext context) => Handle(async () =>
        {
            var host = Find(name);
            var request = await ReadObjectAsync(context);
            if (request["ReservedConcurrentExecutions"] is not JsonValue value || !value.TryGetValue<int>(out var reserved) || reserved < 0)
            {
                throw LambdaServiceException.InvalidParameter("1 validation error detected: Value at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than or equal to 0");
            }

            host.SetReservedConcurrency(reserved);
            return Json(new JsonObject { ["ReservedConcurrentExecutions"] = reserved });
        }));
        app.MapGet("/2019-09-30/functions/{name}/concurrency", (string name) => Handle(() =>
        {
            var reserved = Find(name).State.ReservedConcurrency;
            return Task.FromResult(Json(reserved is null ? [] : new JsonObject { ["ReservedConcurrentExecutions"] = reserved }));
        }));
        app.MapDelete("/2017-10-31/functions/{name}/concurrency", (string name) => Handle(() =>
        {
            Find(name).SetReservedConcurrency(null);
            return Task.FromResult(Results.StatusCode(204));
        }));
    }

    private static async Task<IResult> Handle(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (LambdaServiceException e)
        {
            return AwsErrors.RestJson(e.StatusCode, e.ErrorType, e.Message, e.Reason);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or JsonException)
        {
            // A body of the wrong shape ("LogFormat": 5, "Environment": "x") fails where a field is read: AWS answers
            // such a request with this error, not a 500.
            return AwsErrors.RestJson(400, "InvalidRequestContentException", "Could not parse request body into json: " + e.Message);
        }
    }

    private static async Task InvokeLaterAsync(FunctionHost host, byte[] payload, string requestId)
    {
        // Asynchronous invocations are queued by Lambda and retried while throttled.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                await host.InvokeAsync(payload, requestId: requestId);
                return;
            }
            catch (LambdaServiceException e) when (e.StatusCode == 429)
            {
                await Task.Delay(500);
            }
        }
    }

    /// <summary>A function that cannot run on this machine (arm64 Python) is Failed with the reason, as AWS reports a function it cannot start.</summary>
    private static JsonObject Configuration(FunctionState state, string? unavailableReason)
    {
        var definition = state.Definition;
        var variables = new JsonObject();
        foreach (var (key, value) in state.Environment)
        {
            variables[key] = value;
        }

        var configuration = new JsonObject
        {
            ["FunctionName"] = definition.FunctionName,
            ["FunctionArn"] = state.FunctionArn,
            ["Runtime"] = definition.Runtime,
            ["Role"] = $"arn:aws:iam::000000000000:role/lambench-local",
            ["Handler"] = definition.Handler,
            ["CodeSize"] = 0,
            ["Description"] = "Local platform (Lambench): timings are this machine's, not AWS's",
            ["Timeout"] = state.TimeoutSeconds,
            ["MemorySize"] = state.MemorySizeMb,
            ["LastModified"] = state.LastModified.ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture),
            ["Version"] = "$LATEST",
            ["Environment"] = new JsonObject { ["Variables"] = variables },
            ["RevisionId"] = state.RevisionId,
            ["State"] = unavailableReason is null ? "Active" : "Failed",
            ["LastUpdateStatus"] = state.LastUpdateStatus,
            ["PackageType"] = "Zip",
            ["Architectures"] = new JsonArray(definition.Architecture),
            ["EphemeralStorage"] = new JsonObject { ["Size"] = 512 },
            ["LoggingConfig"] = new JsonObject { ["LogFormat"] = state.LogFormat, ["LogGroup"] = definition.LogGroupName },
        };
        if (unavailableReason is not null)
        {
            configuration["StateReason"] = unavailableReason;
            configuration["StateReasonCode"] = "InvalidRuntime";
        }

        return configuration;
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        try
        {
            return await JsonNode.ParseAsync(context.Request.Body) as JsonObject ?? throw LambdaServiceException.InvalidParameter("the request body is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new LambdaServiceException(400, "InvalidRequestContentException", "Could not parse request body into json: " + e.Message);
        }
    }

    private static bool IsJson(byte[] payload)
    {
        try
        {
            using var _ = JsonDocument.Parse(payload);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static IResult Json(JsonObject body) => Results.Text(body.ToJsonString(), "application/json");
}
