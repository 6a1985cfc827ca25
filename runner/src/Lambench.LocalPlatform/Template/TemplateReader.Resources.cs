using YamlDotNet.RepresentationModel;

namespace Lambench.LocalPlatform.Template;

/// <summary>The part of the reader that reads the stateful resources the functions use: SQS queues and DynamoDB tables.</summary>
public sealed partial class TemplateReader
{
    private QueueDefinition ReadQueue(string id, YamlMappingNode properties)
    {
        var redrive = Child(properties, "RedrivePolicy");
        return new QueueDefinition(
            id,
            QueueName(id),
            Integer(Child(properties, "VisibilityTimeout"), id, "VisibilityTimeout") ?? 30,
            Child(redrive, "deadLetterTargetArn") is { } target ? Resolve(target, id, referenceOnly: true) : null,
            Integer(Child(redrive, "maxReceiveCount"), id, "maxReceiveCount"));
    }

    private TableDefinition ReadTable(string id, YamlMappingNode properties)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in (Child(properties, "AttributeDefinitions") as YamlSequenceNode)?.Children ?? [])
        {
            types[Resolve(Child(attribute, "AttributeName")!, id)] = Resolve(Child(attribute, "AttributeType")!, id);
        }

        (string, string)? hash = null, range = null;
        foreach (var key in (Child(properties, "KeySchema") as YamlSequenceNode)?.Children ?? throw Error(properties, id, "KeySchema is missing"))
        {
            var name = Resolve(Child(key, "AttributeName")!, id);
            var entry = (name, types.TryGetValue(name, out var t) ? t : throw Error(key, id, $"key {name} has no AttributeDefinitions entry"));
            if (Resolve(Child(key, "KeyType")!, id) == "HASH")
            {
                hash = entry;
            }
            else
            {
                range = entry;
            }
        }

        return new TableDefinition(id, TableName(id), hash ?? throw Error(properties, id, "KeySchema has no HASH key"), range);
    }

    private string TableName(string id) => Child(Properties(id), "TableName") is { } name ? Resolve(name, id) : $"{stackName}-{id}";

    private string QueueName(string id) => Child(Properties(id), "QueueName") is { } name ? Resolve(name, id) : $"{stackName}-{id}";
}
