namespace Lambench.LocalPlatform.Template;

/// <summary>What the local platform reads from infra/template.yaml.</summary>
public sealed record LocalTemplate(
    string Path,
    string StackName,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<QueueDefinition> Queues,
    IReadOnlyList<TableDefinition> Tables)
{
    public IReadOnlyList<HttpApiDefinition> HttpApis { get; init; } = [];

    /// <summary>The Outputs the platform can resolve, by key (a function URL's GetAtt, which SAM generates, is left out).</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();
}
