using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lambench.LocalPlatform.Template;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudFormation's DescribeStacks in its query protocol (botocore's cloudformation model), for the one stack the
/// platform runs: CREATE_COMPLETE since it started, with the Outputs it can resolve. An HTTP API's AWS address in an
/// output (https://&lt;api id&gt;.execute-api.&lt;region&gt;.amazonaws.com) and a queue's URL become their addresses on this platform, so a
/// client finds the API the same way on AWS and here.
/// </summary>
internal static partial class StackEndpoints
{
    public const string Action = "DescribeStacks";
    private static readonly XNamespace Xmlns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    public static IResult Handle(LocalTemplate template, Uri endpoint, DateTimeOffset created, IFormCollection form)
    {
        var name = form["StackName"].FirstOrDefault();
        var stackId = $"arn:aws:cloudformation:us-east-1:{TemplateReader.AccountId}:stack/{template.StackName}/00000000-0000-0000-0000-000000000000";
        if (name is not null && name != template.StackName && name != stackId)
        {
            return Error("ValidationError", $"Stack with id {name} does not exist");
        }

        var outputs = template.Outputs.Select(o => new XElement(Xmlns + "member",
            new XElement(Xmlns + "OutputKey", o.Key),
            new XElement(Xmlns + "OutputValue", Local(o.Value, endpoint.ToString().TrimEnd('/')))));
        var stack = new XElement(Xmlns + "member",
            new XElement(Xmlns + "StackId", stackId),
            new XElement(Xmlns + "StackName", template.StackName),
            new XElement(Xmlns + "CreationTime", created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
            new XElement(Xmlns + "StackStatus", "CREATE_COMPLETE"),
            new XElement(Xmlns + "Outputs", outputs),
            new XElement(Xmlns + "Tags"));
        var document = new XElement(Xmlns + "DescribeStacksResponse",
            new XElement(Xmlns + "DescribeStacksResult", new XElement(Xmlns + "Stacks", stack)),
            new XElement(Xmlns + "ResponseMetadata", new XElement(Xmlns + "RequestId", Guid.NewGuid().ToString())));
        return Results.Text(document.ToString(SaveOptions.DisableFormatting), "text/xml");
    }

    /// <summary>An HTTP API's or a queue's AWS address as this platform serves it.</summary>
    private static string Local(string value, string endpoint) =>
        QueueAddress().Replace(ExecuteApi().Replace(value, m => $"{endpoint}{HttpApiEndpoints.Prefix}/{m.Groups[1].Value}"), endpoint);

    private static IResult Error(string code, string message) => AwsErrors.Query(Xmlns, code, message);

    [GeneratedRegex(@"^http://sqs\.[a-z0-9-]+\.localhost")]
    private static partial Regex QueueAddress();

    [GeneratedRegex(@"^https://([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com")]
    private static partial Regex ExecuteApi();
}
