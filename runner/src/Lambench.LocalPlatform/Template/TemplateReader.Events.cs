using YamlDotNet.RepresentationModel;

namespace Lambench.LocalPlatform.Template;

/// <summary>The part of the reader that reads what invokes a function (SQS and HttpApi events), the HTTP APIs and the Outputs.</summary>
public sealed partial class TemplateReader
{
    private (List<SqsEventSource> Sqs, List<HttpApiRoute> Routes) ReadEvents(string id, YamlMappingNode properties)
    {
        var events = new List<SqsEventSource>();
        var routes = new List<HttpApiRoute>();
        foreach (var (_, definition) in (Child(properties, "Events") as YamlMappingNode ?? new YamlMappingNode()).Children)
        {
            var eventType = Scalar(Child(definition, "Type"), id, "Events.Type");
            var eventProperties = Child(definition, "Properties");
            switch (eventType)
            {
                case "SQS":
                    var queue = Child(eventProperties, "Queue") ?? throw Error(definition, id, "an SQS event needs Queue");
                    var queueId = queue.Tag.Value is "!GetAtt" or "GetAtt" ? Resolve(queue, id, referenceOnly: true) : throw Error(queue, id, "Queue must be !GetAtt <Queue>.Arn");
                    events.Add(new SqsEventSource(
                        queueId,
                        Integer(Child(eventProperties, "BatchSize"), id, "BatchSize") ?? 10,
                        Integer(Child(Child(eventProperties, "ScalingConfig"), "MaximumConcurrency"), id, "MaximumConcurrency")));
                    break;
                case "HttpApi":
                    routes.Add(ReadRoute(id, definition, eventProperties));
                    break;
                default:
                    throw Error(definition, id, $"event type {eventType} is not run locally (SQS and HttpApi are)");
            }
        }

        return (events, routes);
    }

    private HttpApiRoute ReadRoute(string id, YamlNode definition, YamlNode? properties)
    {
        // Without ApiId, SAM makes an implicit API of its own; the local platform serves only declared ones.
        var api = Child(properties, "ApiId") ?? throw Error(definition, id, "an HttpApi event needs ApiId: !Ref <an AWS::Serverless::HttpApi of this template> locally");
        var (function, argument) = Intrinsic(api);
        var apiId = function == "Ref" ? Scalar(argument, id, "ApiId") : throw Error(api, id, "ApiId must be !Ref <an AWS::Serverless::HttpApi>");
        if ((Child(Child(resources, apiId), "Type") as YamlScalarNode)?.Value != "AWS::Serverless::HttpApi")
        {
            throw Error(api, id, $"its HttpApi event names {apiId}, which is not an AWS::Serverless::HttpApi of this template");
        }

        var version = Child(properties, "PayloadFormatVersion") is { } v ? Resolve(v, id) : "2.0";
        if (version != "2.0")
        {
            throw Error(definition, id, $"PayloadFormatVersion {version} is not served locally (2.0 is)");
        }

        var path = Child(properties, "Path") is { } p ? Resolve(p, id) : throw Error(definition, id, "an HttpApi event needs Path locally");
        var method = Child(properties, "Method") is { } verb ? Resolve(verb, id).ToUpperInvariant() : "ANY";
        return new HttpApiRoute(apiId, method, path);
    }

    private HttpApiDefinition ReadHttpApi(string id, YamlMappingNode properties)
    {
        if (Child(properties, "DefinitionBody") is not null || Child(properties, "DefinitionUri") is not null)
        {
            throw Error(properties, id, "an HttpApi with an OpenAPI definition is not served locally; declare its routes as HttpApi events");
        }

        return new HttpApiDefinition(id, HttpApiId(id));
    }

    private static string HttpApiId(string logicalId) => logicalId.ToLowerInvariant();

    private void CheckEventTargets(List<FunctionDefinition> functions, List<QueueDefinition> queues)
    {
        var queueIds = queues.Select(q => q.LogicalId).ToHashSet(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            foreach (var source in function.SqsEvents.Where(s => !queueIds.Contains(s.QueueLogicalId)))
            {
                throw Error(resources, function.LogicalId, $"its SQS event names {source.QueueLogicalId}, which is not an AWS::SQS::Queue of this template");
            }
        }

        foreach (var duplicate in functions.SelectMany(f => f.HttpApiRoutes.Select(r => (f.LogicalId, r))).GroupBy(x => (x.r.ApiLogicalId, x.r.RouteKey)).Where(g => g.Count() > 1))
        {
            throw Error(resources, duplicate.Last().LogicalId, $"route {duplicate.Key.RouteKey} of {duplicate.Key.ApiLogicalId} is declared twice");
        }
    }

    /// <summary>The Outputs whose values resolve locally; one that does not (a SAM-generated resource's attribute) is left out.</summary>
    private Dictionary<string, string> ReadOutputs(YamlMappingNode root)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, output) in (Child(root, "Outputs") as YamlMappingNode ?? new YamlMappingNode()).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            try
            {
                outputs[name] = Child(output, "Value") is { } value ? Resolve(value, name) : string.Empty;
            }
            catch (TemplateException)
            {
                // left out: DescribeStacks locally answers what it can resolve
            }
        }

        return outputs;
    }
}
