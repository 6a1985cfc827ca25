using System.Text.Json;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The template's HTTP API as clients nobody here wrote see it: the AWS CLI v2 finds its address in the stack's
/// outputs, and botocore's own SigV4 signer (service execute-api) signs the calls to its routes.
/// </summary>
[Collection(PlatformCollection.Name)]
[Trait("Tier", "system")]
public sealed class HttpApiTests(PlatformFixture fixture)
{
    private const string Calls = """
        import json, sys, urllib.request, urllib.error, boto3
        from botocore.auth import SigV4Auth
        from botocore.awsrequest import AWSRequest
        endpoint, base = sys.argv[1], sys.argv[2]
        credentials = boto3.Session().get_credentials()
        def call(path, body, service="execute-api"):
            request = AWSRequest(method="POST", url=base + path, data=body.encode(), headers={"content-type": "application/json"})
            if service != "none":
                SigV4Auth(credentials, service, "us-east-1").add_auth(request)
            prepared = request.prepare()
            try:
                with urllib.request.urlopen(urllib.request.Request(prepared.url, data=prepared.body, headers=dict(prepared.headers), method="POST")) as answer:
                    return [answer.status, answer.headers.get("apigw-requestid"), json.loads(answer.read())]
            except urllib.error.HTTPError as e:
                return [e.code, e.headers.get("apigw-requestid"), json.loads(e.read() or b"null")]
        print(json.dumps({name: call(*args) for name, args in json.loads(sys.argv[3]).items()}))
        """;

    [Fact]
    public void The_cli_finds_the_api_in_the_stacks_outputs_and_botocore_signed_calls_reach_the_routes_function()
    {
        var platform = fixture.Platform;
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "cloudformation", "describe-stacks", "--stack-name", "lambench");
        Assert.True(exit == 0, stderr);
        var stack = JsonDocument.Parse(stdout).RootElement.GetProperty("Stacks")[0];
        Assert.Equal("CREATE_COMPLETE", stack.GetProperty("StackStatus").GetString());
        var outputs = stack.GetProperty("Outputs").EnumerateArray().ToDictionary(o => o.GetProperty("OutputKey").GetString()!, o => o.GetProperty("OutputValue").GetString()!);
        var api = outputs["LoadApiEndpoint"];
        Assert.Equal(platform.Endpoint.ToString().TrimEnd('/') + "/execute-api/loadapi", api);
        // A queue's URL in the outputs is the one the platform's SQS answers to.
        Assert.Equal(platform.Endpoint.ToString().TrimEnd('/') + "/000000000000/lambench-go-writer-arm64-writes", outputs["GoWriterArm64QueueUrl"]);
        Assert.Equal(254, AwsClients.Aws(platform, "cloudformation", "describe-stacks", "--stack-name", "another").Exit);

        var results = Call(platform, api, new()
        {
            ["python"] = ["/python-noop-x86_64", """{"batch_id": "api-py"}"""],
            ["go"] = ["/go-noop-x86_64", """{"batch_id": "api-go"}"""],
            ["no_route"] = ["/python-noop-mips", "{}"],
        });
        foreach (var (name, batch) in new[] { ("python", "api-py"), ("go", "api-go") })
        {
            Assert.Equal(200, results[name][0].GetInt32());
            Assert.True(Guid.TryParse(results[name][1].GetString(), out _));
            // The function read its batch id from the 2.0 event's body, and answered an HTTP response whose body this is.
            Assert.Equal(batch, results[name][2].GetProperty("batch_id").GetString());
        }

        Assert.Equal((404, "Not Found"), (results["no_route"][0].GetInt32(), results["no_route"][2].GetProperty("message").GetString()));
    }

    [Fact]
    public void A_lambda_throttle_behind_the_api_is_a_500_as_api_gateway_answers_it_and_a_call_not_signed_for_execute_api_is_refused()
    {
        var platform = fixture.Platform;
        const string function = "lambench-python-noop-arm64";
        Assert.Equal(0, AwsClients.Aws(platform, "lambda", "put-function-concurrency", "--function-name", function, "--reserved-concurrent-executions", "0").Exit);
        try
        {
            var api = platform.Endpoint.ToString().TrimEnd('/') + "/execute-api/loadapi";
            var results = Call(platform, api, new() { ["throttled"] = ["/python-noop-arm64", """{"batch_id": "api-0"}"""] });
            Assert.Equal((500, "Internal Server Error"), (results["throttled"][0].GetInt32(), results["throttled"][2].GetProperty("message").GetString()));
        }
        finally
        {
            Assert.Equal(0, AwsClients.Aws(platform, "lambda", "delete-function-concurrency", "--function-name", function).Exit);
        }

        // Unsigned, or signed for another service (lambda, as a function URL is): refused, as AWS_IAM auth refuses it.
        var refused = Call(platform, platform.Endpoint + "execute-api/loadapi", new()
        {
            ["unsigned"] = ["/python-noop-arm64", "{}", "none"],
            ["lambda"] = ["/python-noop-arm64", "{}", "lambda"],
        });
        Assert.Equal((403, 403), (refused["unsigned"][0].GetInt32(), refused["lambda"][0].GetInt32()));
    }

    /// <summary>Each call: path, body and, optionally, the service it is signed for ("none": unsigned).</summary>
    private static Dictionary<string, JsonElement[]> Call(LocalPlatform platform, string api, Dictionary<string, string[]> calls)
    {
        var (exit, stdout, stderr) = AwsClients.Boto3(platform, Calls, api, JsonSerializer.Serialize(calls));
        Assert.True(exit == 0, stderr);
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement[]>>(stdout)!;
    }
}
