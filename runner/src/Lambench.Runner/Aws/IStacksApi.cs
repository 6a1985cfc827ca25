namespace Lambench.Runner.Aws;

/// <summary>CloudFormation's DescribeStacks (AWSSDK.CloudFormation is not obtainable; <see cref="CloudFormationClient"/> is the substitute).</summary>
public interface IStacksApi
{
    /// <summary>The stack, or null when none of that name exists in the region.</summary>
    Task<StackDescription?> DescribeStackAsync(string stackName, CancellationToken cancellation = default);
}
