namespace Lambench.Runner.Aws;

/// <summary>What `lambench doctor` reads of a CloudFormation stack: its status, tags and outputs.</summary>
public sealed record StackDescription(string Name, string Status, IReadOnlyDictionary<string, string> Tags, IReadOnlyDictionary<string, string> Outputs)
{
    /// <summary>CREATE_COMPLETE, UPDATE_COMPLETE and UPDATE_ROLLBACK_COMPLETE leave the stack's resources usable.</summary>
    public bool IsUsable => Status is "CREATE_COMPLETE" or "UPDATE_COMPLETE" or "UPDATE_ROLLBACK_COMPLETE" or "IMPORT_COMPLETE";
}
