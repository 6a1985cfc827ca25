using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>Error responses in the shapes botocore parses: rest-json (Lambda), JSON 1.1 (CloudWatch Logs) and query XML.</summary>
internal static class AwsErrors
{
    public static IResult RestJson(int status, string type, string message, string? reason = null)
    {
        var body = new Dictionary<string, string> { ["Type"] = status >= 500 ? "Service" : "User", ["message"] = message };
        if (reason is not null)
        {
            body["Reason"] = reason;
        }

        return new ErrorResult(status, type, JsonSerializer.Serialize(body), "application/json");
    }

    public static IResult Json(int status, string type, string message) =>
        new ErrorResult(status, type, JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = type, ["message"] = message }), "application/x-amz-json-1.1");

    /// <summary>An error in the query protocol's XML (CloudWatch, CloudFormation): ErrorResponse, a Sender error, 400.</summary>
    public static IResult Query(XNamespace xmlns, string code, string message)
    {
        var document = new XElement(xmlns + "ErrorResponse",
            new XElement(xmlns + "Error", new XElement(xmlns + "Type", "Sender"), new XElement(xmlns + "Code", code), new XElement(xmlns + "Message", message)),
            new XElement(xmlns + "RequestId", Guid.NewGuid().ToString()));
        return Results.Text(document.ToString(SaveOptions.DisableFormatting), "text/xml", statusCode: 400);
    }

    private sealed class ErrorResult(int status, string type, string body, string contentType) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.Headers["x-amzn-ErrorType"] = type;
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            context.Response.ContentType = contentType;
            await context.Response.WriteAsync(body);
        }
    }
}
