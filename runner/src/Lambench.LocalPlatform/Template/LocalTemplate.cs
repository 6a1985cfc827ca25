namespace Lambench.LocalPlatform.Template;

/// <summary>What the local platform reads from infra/template.yaml.</summary>
public sealed record LocalTemplate(
    string Path,
    string StackName,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<QueueDefinition> Queues,
    IReadOnlyList<TableDefinition> Tables);
