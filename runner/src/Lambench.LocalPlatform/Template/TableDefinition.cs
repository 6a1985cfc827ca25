namespace Lambench.LocalPlatform.Template;

/// <summary>An AWS::DynamoDB::Table: its name and key schema as (attribute name, type S/N/B).</summary>
public sealed record TableDefinition(string LogicalId, string TableName, (string Name, string Type) HashKey, (string Name, string Type)? RangeKey);
