using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lambench.LocalPlatform.Template;

/// <summary>
/// Reads a SAM template for the local platform: functions (with Globals), SQS queues and DynamoDB tables, resolving
/// the intrinsics the template uses (Ref, Sub, GetAtt, in short and long form) with parameter defaults or overrides,
/// stack name, region and account 000000000000. Anything it cannot use is an error naming file, line and resource.
/// </summary>
public sealed partial class TemplateReader(string stackName = TemplateReader.DefaultStackName, string region = "us-east-1", IReadOnlyDictionary<string, string>? parameterOverrides = null)
{
    public const string DefaultStackName = "lambench";
    public const string AccountId = "000000000000";

    private string path = string.Empty;
    private YamlMappingNode resources = new();
    private readonly Dictionary<string, string> parameters = new(StringComparer.Ordinal);

    public LocalTemplate Read(string templatePath)
    {
        path = templatePath;
        YamlStream stream = [];
        try
        {
            using var reader = new StreamReader(templatePath);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new TemplateException(templatePath, e.Start.Line, null, "not valid YAML: " + e.Message);
        }
        catch (IOException e)
        {
            throw new TemplateException(templatePath, 0, null, e.Message);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new TemplateException(templatePath, 1, null, "not a template: the document is not a mapping");
        }

        resources = Child(root, "Resources") as YamlMappingNode ?? throw new TemplateException(templatePath, root.Start.Line, null, "no Resources section");
        ReadParameters(root);
        var globals = Child(Child(root, "Globals"), "Function") as YamlMappingNode;

        var functions = new List<FunctionDefinition>();
        var queues = new List<QueueDefinition>();
        var tables = new List<TableDefinition>();
        var apis = new List<HttpApiDefinition>();
        foreach (var (key, value) in resources.Children)
        {
            var id = ((YamlScalarNode)key).Value!;
            if (value is not YamlMappingNode resource)
            {
                throw Error(value, id, "a resource must be a mapping");
            }

            var type = Scalar(Child(resource, "Type"), id, "Type");
            var properties = Child(resource, "Properties") as YamlMappingNode ?? new YamlMappingNode();
            switch (type)
            {
                case "AWS::Serverless::Function":
                    functions.Add(ReadFunction(id, properties, globals));
                    break;
                case "AWS::Lambda::Function":
                    throw Error(resource, id, "AWS::Lambda::Function is not run locally; declare functions as AWS::Serverless::Function");
                case "AWS::SQS::Queue":
                    queues.Add(ReadQueue(id, properties));
                    break;
                case "AWS::DynamoDB::Table":
                    tables.Add(ReadTable(id, properties));
                    break;
                case "AWS::Serverless::HttpApi":
                    apis.Add(ReadHttpApi(id, properties));
                    break;
            }
        }

        CheckEventTargets(functions, queues);

        foreach (var duplicate in functions.GroupBy(f => f.FunctionName).Where(g => g.Count() > 1))
        {
            throw Error(resources, duplicate.Last().LogicalId, $"FunctionName {duplicate.Key} is used twice");
        }

        return new LocalTemplate(Path.GetFullPath(templatePath), stackName, functions, queues, tables)
        {
            HttpApis = apis,
            Outputs = ReadOutputs(root),
        };
    }

    private void ReadParameters(YamlMappingNode root)
    {
        parameters.Clear();
        if (Child(root, "Parameters") is YamlMappingNode declared)
        {
            foreach (var (key, value) in declared.Children)
            {
                var name = ((YamlScalarNode)key).Value!;
                if (Child(value, "Default") is YamlScalarNode { Value: { } defaultValue })
                {
                    parameters[name] = defaultValue;
                }
            }
        }

        foreach (var (name, value) in parameterOverrides ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }
    }

    private FunctionDefinition ReadFunction(string id, YamlMappingNode properties, YamlMappingNode? globals)
    {
        YamlNode? Property(string name) => Child(properties, name) ?? Child(globals, name);
        string Required(string name) => Resolve(Property(name) ?? throw Error(properties, id, $"{name} is missing"), id);

        var runtime = Required("Runtime");
        if (!runtime.StartsWith("python3.", StringComparison.Ordinal) && runtime is not ("provided.al2023" or "provided.al2"))
        {
            throw Error(Property("Runtime")!, id, $"Runtime {runtime} is not run locally: python3.x (with this machine's python3) and provided.al2023 (a Go bootstrap) are");
        }

        var architecture = "x86_64";
        if (Property("Architectures") is YamlSequenceNode architectures)
        {
            if (architectures.Children.Count != 1)
            {
                throw Error(architectures, id, "Architectures must name exactly one architecture");
            }

            architecture = Resolve(architectures.Children[0], id);
            if (architecture is not ("arm64" or "x86_64"))
            {
                throw Error(architectures, id, $"architecture {architecture} is neither arm64 nor x86_64");
            }
        }

        var codeUri = Required("CodeUri");
        var codeDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, codeUri));
        if (!Directory.Exists(codeDirectory))
        {
            throw Error(Property("CodeUri")!, id, $"CodeUri {codeUri} is not a folder next to the template ({codeDirectory})");
        }

        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { Child(Child(globals, "Environment"), "Variables"), Child(Child(properties, "Environment"), "Variables") })
        {
            if (source is YamlMappingNode variables)
            {
                foreach (var (key, value) in variables.Children)
                {
                    environment[((YamlScalarNode)key).Value!] = Resolve(value, id);
                }
            }
        }

        var name = Property("FunctionName") is { } functionName ? Resolve(functionName, id) : $"{stackName}-{id}";
        var logging = Child(properties, "LoggingConfig") ?? Child(globals, "LoggingConfig");
        var (events, routes) = ReadEvents(id, properties);

        return new FunctionDefinition
        {
            LogicalId = id,
            FunctionName = name,
            Runtime = runtime,
            Handler = Required("Handler"),
            CodeDirectory = codeDirectory,
            Architecture = architecture,
            MemorySizeMb = Integer(Property("MemorySize"), id, "MemorySize") ?? 128,
            TimeoutSeconds = Integer(Property("Timeout"), id, "Timeout") ?? 3,
            Environment = environment,
            LogFormat = Child(logging, "LogFormat") is { } format ? Resolve(format, id) : "Text",
            LogGroupName = Child(logging, "LogGroup") is { } group ? Resolve(group, id) : "/aws/lambda/" + name,
            ReservedConcurrency = Integer(Property("ReservedConcurrentExecutions"), id, "ReservedConcurrentExecutions"),
            SqsEvents = events,
            HttpApiRoutes = routes,
            HasFunctionUrl = Property("FunctionUrlConfig") is not null,
        };
    }

    private YamlNode? Properties(string id) => Child(Child(resources, id), "Properties");

    /// <summary>The value of a scalar or an intrinsic. With <paramref name="referenceOnly"/>, a GetAtt gives the logical id.</summary>
    private string Resolve(YamlNode node, string resource, bool referenceOnly = false)
    {
        var (function, argument) = Intrinsic(node);
        switch (function)
        {
            case null when node is YamlScalarNode scalar:
                return scalar.Value ?? string.Empty;
            case "Ref":
                return Reference(Scalar(argument, resource, "Ref"), node, resource);
            case "GetAtt":
                var parts = argument is YamlSequenceNode list
                    ? list.Children.Select(c => Resolve(c, resource)).ToArray()
                    : Scalar(argument, resource, "GetAtt").Split('.', 2);
                if (parts.Length != 2 || Child(resources, parts[0]) is null)
                {
                    throw Error(node, resource, $"GetAtt {string.Join('.', parts)} does not name a resource of this template and an attribute");
                }

                return referenceOnly ? parts[0] : Attribute(parts[0], parts[1], node, resource);
            case "Sub":
                var text = argument is YamlSequenceNode { Children.Count: > 0 } withValues ? Scalar(withValues.Children[0], resource, "Sub") : Scalar(argument, resource, "Sub");
                return Substitution().Replace(text, m =>
                {
                    var name = m.Groups[1].Value;
                    return name.Contains('.', StringComparison.Ordinal)
                        ? Attribute(name.Split('.', 2)[0], name.Split('.', 2)[1], node, resource)
                        : Reference(name, node, resource);
                });
            default:
                throw Error(node, resource, $"{(function is null ? "a mapping or list" : "Fn::" + function)} where a value is expected is not supported locally");
        }
    }

    private string Reference(string name, YamlNode node, string resource)
    {
        switch (name)
        {
            case "AWS::StackName": return stackName;
            case "AWS::Region": return region;
            case "AWS::AccountId": return AccountId;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
        }

        if (parameters.TryGetValue(name, out var value))
        {
            return value;
        }

        var type = Child(Child(resources, name), "Type") is YamlScalarNode t ? t.Value : null;
        return type switch
        {
            "AWS::DynamoDB::Table" => TableName(name),
            "AWS::SQS::Queue" => $"http://sqs.{region}.localhost/{AccountId}/{QueueName(name)}",
            "AWS::Logs::LogGroup" => Child(Properties(name), "LogGroupName") is { } group ? Resolve(group, name) : $"{stackName}-{name}",
            "AWS::Serverless::HttpApi" => HttpApiId(name),
            "AWS::Serverless::Function" => Child(Properties(name), "FunctionName") is { } function ? Resolve(function, name) : $"{stackName}-{name}",
            null => throw Error(node, resource, $"Ref {name}: no parameter or resource of that name"),
            _ => $"{stackName}-{name}",
        };
    }

    private string Attribute(string id, string attribute, YamlNode node, string resource)
    {
        var type = (Child(Child(resources, id), "Type") as YamlScalarNode)?.Value;
        return (type, attribute) switch
        {
            ("AWS::DynamoDB::Table", "Arn") => $"arn:aws:dynamodb:{region}:{AccountId}:table/{TableName(id)}",
            ("AWS::SQS::Queue", "Arn") => $"arn:aws:sqs:{region}:{AccountId}:{QueueName(id)}",
            ("AWS::SQS::Queue", "QueueName") => QueueName(id),
            ("AWS::IAM::Role", "Arn") => $"arn:aws:iam::{AccountId}:role/{stackName}-{id}",
            ("AWS::Serverless::Function", "Arn") => $"arn:aws:lambda:{region}:{AccountId}:function:{Reference(id, node, resource)}",
            _ => throw Error(node, resource, $"GetAtt {id}.{attribute} is not supported locally"),
        };
    }

    private static (string? Function, YamlNode? Argument) Intrinsic(YamlNode node)
    {
        if (!node.Tag.IsEmpty && node.Tag.Value.StartsWith('!'))
        {
            return (node.Tag.Value[1..], node);
        }

        if (node is YamlMappingNode { Children.Count: 1 } mapping && mapping.Children.First().Key is YamlScalarNode { Value: { } key }
            && (key == "Ref" || key.StartsWith("Fn::", StringComparison.Ordinal)))
        {
            return (key.Replace("Fn::", string.Empty, StringComparison.Ordinal), mapping.Children.First().Value);
        }

        return (null, node);
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private string Scalar(YamlNode? node, string resource, string what) =>
        node switch
        {
            YamlScalarNode { Value: { } value } => value,
            null => throw Error(resources, resource, $"{what} is missing"),
            _ => throw Error(node, resource, $"{what} must be a single value"),
        };

    private int? Integer(YamlNode? node, string resource, string what)
    {
        if (node is null)
        {
            return null;
        }

        var text = Resolve(node, resource);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw Error(node, resource, $"{what} must be a whole number, not '{text}'");
    }

    private TemplateException Error(YamlNode node, string resource, string reason) => new(path, node.Start.Line, resource, reason);

    [GeneratedRegex(@"\$\{([A-Za-z0-9:._]+)\}")]
    private static partial Regex Substitution();
}
