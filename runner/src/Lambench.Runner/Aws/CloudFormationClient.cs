namespace Lambench.Runner.Aws;

/// <summary>CloudFormation DescribeStacks in the query protocol (botocore's cloudformation model), SigV4-signed.</summary>
public sealed class CloudFormationClient(HttpClient http, AwsEndpoint endpoint) : IStacksApi
{
    private readonly SignedHttpClient client = new(http, endpoint, "cloudformation");

    public async Task<StackDescription?> DescribeStackAsync(string stackName, CancellationToken cancellation = default)
    {
        System.Xml.Linq.XDocument answer;
        try
        {
            answer = await client.SendQueryAsync(new Dictionary<string, string> { ["Action"] = "DescribeStacks", ["Version"] = "2010-05-15", ["StackName"] = stackName }, cancellation);
        }
        catch (AwsServiceException e) when (e.ErrorType == "ValidationError" && e.Message.Contains("does not exist", StringComparison.Ordinal))
        {
            return null; // CloudFormation's answer for an unknown stack name
        }

        var stack = answer.All("Stacks").FirstOrDefault()?.Elements().FirstOrDefault(e => e.Name.LocalName == "member");
        return stack is null
            ? null
            : new StackDescription(stack.ChildValue("StackName") ?? stackName, stack.ChildValue("StackStatus") ?? string.Empty,
                stack.Child("Tags").Pairs("Key", "Value"), stack.Child("Outputs").Pairs("OutputKey", "OutputValue"));
    }
}
