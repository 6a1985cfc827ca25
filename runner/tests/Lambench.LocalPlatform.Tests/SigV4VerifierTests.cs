using System.Security.Cryptography;
using System.Text;
using Lambench.LocalPlatform.Http;

namespace Lambench.LocalPlatform.Tests;

/// <summary>
/// The verifier against a signature AWS published (the S3 GET example of "Authenticating Requests: Using the
/// Authorization Header", whose canonical request, keys and signature the documentation lists), and against changes
/// to any part of that request. Real clients' signatures (the AWS CLI, boto3, the .NET SDK) are checked in the
/// platform's system tests.
/// </summary>
public sealed class SigV4VerifierTests
{
    private static readonly SigV4Verifier Verifier = new("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    private static readonly DateTimeOffset SignedAt = new(2013, 5, 24, 0, 0, 0, TimeSpan.Zero);
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static Dictionary<string, string> Headers() => new(StringComparer.Ordinal)
    {
        ["host"] = "examplebucket.s3.amazonaws.com",
        ["range"] = "bytes=0-9",
        ["x-amz-content-sha256"] = EmptySha256,
        ["x-amz-date"] = "20130524T000000Z",
        ["authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    };

    private static (string Type, string Message)? Verify(Dictionary<string, string> headers, string target = "/test.txt", string method = "GET", byte[]? body = null, DateTimeOffset? now = null) =>
        Verifier.Verify(new SigV4Verifier.SignedRequest(method, target, headers, SHA256.HashData(body ?? [])), now ?? SignedAt.AddMinutes(1));

    [Fact]
    public void The_signature_aws_published_is_accepted()
    {
        Assert.Null(Verify(Headers()));
    }

    [Theory]
    [InlineData("method")]
    [InlineData("path")]
    [InlineData("query")]
    [InlineData("header")]
    [InlineData("body")]
    [InlineData("signature")]
    public void Any_change_to_what_was_signed_is_refused(string part)
    {
        var headers = Headers();
        var (target, method, body) = ("/test.txt", "GET", Array.Empty<byte>());
        switch (part)
        {
            case "method": method = "POST"; break;
            case "path": target = "/test.txt2"; break;
            case "query": target = "/test.txt?x=1"; break;
            case "header": headers["range"] = "bytes=0-99"; break;
            case "body": body = Encoding.UTF8.GetBytes("{}"); headers.Remove("x-amz-content-sha256"); headers["authorization"] = headers["authorization"].Replace("range;x-amz-content-sha256;", "range;", StringComparison.Ordinal); break;
            default: headers["authorization"] = headers["authorization"][..^1] + "0"; break;
        }

        var failure = Verify(headers, target, method, body);
        Assert.NotNull(failure);
        Assert.Equal("InvalidSignatureException", failure.Value.Type);
    }

    [Fact]
    public void A_missing_or_foreign_key_and_an_old_date_are_refused_with_awss_error_types()
    {
        var headers = Headers();
        headers.Remove("authorization");
        Assert.Equal("MissingAuthenticationTokenException", Verify(headers)!.Value.Type);

        headers = Headers();
        headers["authorization"] = headers["authorization"].Replace("AKIAIOSFODNN7EXAMPLE", "AKIAOTHER", StringComparison.Ordinal);
        Assert.Equal("UnrecognizedClientException", Verify(headers)!.Value.Type);

        var expired = Verify(Headers(), now: SignedAt.AddMinutes(16))!.Value;
        Assert.Equal("InvalidSignatureException", expired.Type);
        Assert.StartsWith("Signature expired", expired.Message);

        headers = Headers();
        headers["x-amz-content-sha256"] = new string('0', 64);
        Assert.Contains("does not match the body", Verify(headers)!.Value.Message);

        headers = Headers();
        headers["authorization"] = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=range,Signature=" + new string('a', 64);
        Assert.Equal("IncompleteSignatureException", Verify(headers)!.Value.Type);
    }
}
