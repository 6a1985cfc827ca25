using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using Lambench.Runner.Aws;

namespace Lambench.Runner.Tests;

[Trait("Tier", "system")] // botocore in a Python process
public sealed class SigV4SignerTests
{
    /// <summary>Signs the same request with botocore's SigV4Auth (Debian python3-botocore), an implementation nobody here wrote.</summary>
    private static string Botocore(string method, string url, IReadOnlyDictionary<string, string> headers, string body, DateTime at, string service, string? token)
    {
        const string script = """
            import json, sys
            from botocore.auth import SigV4Auth
            from botocore.awsrequest import AWSRequest
            from botocore.credentials import Credentials
            a = json.loads(sys.argv[1])
            request = AWSRequest(method=a["method"], url=a["url"], data=a["body"].encode(), headers=a["headers"])
            auth = SigV4Auth(Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", a["token"]), a["service"], "us-east-1")
            request.context["timestamp"] = a["at"]
            auth._modify_request_before_signing(request)
            canonical = auth.canonical_request(request)
            signature = auth.signature(auth.string_to_sign(request, canonical), request)
            auth._inject_signature_to_request(request, signature)
            print(request.headers["Authorization"])
            """;
        var arguments = JsonSerializer.Serialize(new { method, url, headers, body, at = at.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), service, token });
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(arguments);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, "botocore (apt-get install python3-boto3): " + error);
        return output.Trim();
    }

    [Theory]
    [InlineData("POST", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/tcc-go/invocations", "lambda", """{"batch_id": "b1"}""", "X-Amz-Invocation-Type", "RequestResponse", null)]
    [InlineData("POST", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Atcc-go/invocations", "lambda", "{}", "X-Amz-Log-Type", "Tail", "session-token")]
    [InlineData("POST", "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/python-sleep-arm64", "execute-api", """{"batch_id": "b1", "sleep_ms": 3000}""", "Content-Type", "application/json", null)]
    [InlineData("POST", "http://127.0.0.1:4566/", "logs", """{"logGroupName": "/aws/lambda/x", "filterPattern": "REPORT"}""", "X-Amz-Target", "Logs_20140328.FilterLogEvents", null)]
    [InlineData("GET", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/?MaxItems=50&Marker=a%2Fb", "lambda", "", "Accept", "application/json", null)]
    public void Signatures_match_botocores(string method, string url, string service, string body, string header, string value, string? token)
    {
        var at = new DateTime(2026, 11, 23, 12, 34, 56, DateTimeKind.Utc);
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.TryAddWithoutValidation(header, value);
        var bytes = Encoding.UTF8.GetBytes(body);
        var headers = new Dictionary<string, string> { [header] = value };
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.1");
            headers["Content-Type"] = "application/x-amz-json-1.1";
        }

        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", token);
        SigV4Signer.Sign(request, bytes, credentials, "us-east-1", service, at);
        Assert.Equal(Botocore(method, url, headers, body, at, service, token), request.Headers.GetValues("Authorization").Single());
    }
}
