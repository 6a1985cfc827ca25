using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace Lambench.LocalPlatform.Sqs;

/// <summary>
/// SQS's query protocol (form-encoded Action=..., XML answers), which AWS CLI and boto3 releases before November 2023
/// speak (Debian 12's among them): requests become the JSON protocol's shapes, results and errors become its XML.
/// </summary>
public static class SqsQueryProtocol
{
    private static readonly XNamespace Namespace = "http://queue.amazonaws.com/doc/2012-11-05/";

    /// <summary>Flattened parameters (Attribute.1.Name, SendMessageBatchRequestEntry.2.Id, AttributeName.1) to JSON.</summary>
    public static JsonObject ToJson(IEnumerable<KeyValuePair<string, string>> form)
    {
        var request = new JsonObject();
        var entries = new SortedDictionary<int, JsonObject>();
        var attributes = new SortedDictionary<int, (string? Name, string? Value)>();
        var names = new SortedDictionary<int, string>();
        foreach (var (key, value) in form)
        {
            var parts = key.Split('.');
            if (parts.Length == 3 && parts[0].EndsWith("RequestEntry", StringComparison.Ordinal) && int.TryParse(parts[1], out var entry))
            {
                (entries.TryGetValue(entry, out var found) ? found : entries[entry] = [])[parts[2]] = value;
            }
            else if (parts.Length == 3 && parts[0] == "Attribute" && int.TryParse(parts[1], out var attribute))
            {
                var current = attributes.GetValueOrDefault(attribute);
                attributes[attribute] = parts[2] == "Name" ? (value, current.Value) : (current.Name, value);
            }
            else if (parts.Length == 2 && parts[0] is "AttributeName" or "MessageSystemAttributeName" && int.TryParse(parts[1], out var index))
            {
                names[index] = value;
            }
            else if (parts.Length == 1 && key is not ("Action" or "Version"))
            {
                request[key] = value;
            }
        }

        if (entries.Count > 0)
        {
            request["Entries"] = new JsonArray(entries.Values.Select(e => (JsonNode)e).ToArray());
        }

        if (attributes.Count > 0)
        {
            request["Attributes"] = new JsonObject(attributes.Values.Where(a => a.Name is not null).Select(a => KeyValuePair.Create(a.Name!, (JsonNode?)a.Value)));
        }

        if (names.Count > 0)
        {
            request["AttributeNames"] = new JsonArray(names.Values.Select(n => (JsonNode)n).ToArray());
        }

        return request;
    }

    public static string ToXml(string action, JsonObject result, string requestId)
    {
        var body = new XElement(Namespace + (action + "Result"));
        foreach (var (name, value) in result)
        {
            switch (value)
            {
                case JsonArray items:
                    var element = name switch
                    {
                        "Successful" => "SendMessageBatchResultEntry",
                        "Failed" => "BatchResultErrorEntry",
                        "Messages" => "Message",
                        "QueueUrls" => "QueueUrl",
                        _ => name,
                    };
                    foreach (var item in items)
                    {
                        body.Add(item is JsonObject entry ? Element(element, entry) : new XElement(Namespace + element, item?.ToString()));
                    }

                    break;
                case JsonObject map when name == "Attributes":
                    body.Add(AttributeElements(map));
                    break;
                default:
                    body.Add(new XElement(Namespace + name, value?.ToString()));
                    break;
            }
        }

        var response = new XElement(Namespace + (action + "Response"));
        // Operations with output always carry their Result element, even empty (botocore looks for it).
        if (action is not ("DeleteMessage" or "PurgeQueue" or "SetQueueAttributes" or "DeleteQueue"))
        {
            response.Add(body);
        }

        response.Add(new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)));
        return new XDocument(new XDeclaration("1.0", "UTF-8", null), response).ToString();
    }

    public static string ErrorXml(SqsException error, string requestId) =>
        new XDocument(new XElement(Namespace + "ErrorResponse",
            new XElement(Namespace + "Error",
                new XElement(Namespace + "Type", "Sender"),
                new XElement(Namespace + "Code", error.QueryCode),
                new XElement(Namespace + "Message", error.Message),
                new XElement(Namespace + "Detail")),
            new XElement(Namespace + "RequestId", requestId))).ToString();

    private static XElement Element(string name, JsonObject entry)
    {
        var element = new XElement(Namespace + name);
        foreach (var (key, value) in entry)
        {
            element.Add(key == "Attributes" && value is JsonObject map ? AttributeElements(map) : new XElement(Namespace + key, value?.ToString()));
        }

        return element;
    }

    private static IEnumerable<XElement> AttributeElements(JsonObject map) =>
        map.Select(a => new XElement(Namespace + "Attribute", new XElement(Namespace + "Name", a.Key), new XElement(Namespace + "Value", a.Value?.ToString())));
}
