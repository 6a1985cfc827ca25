using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Lambench.LocalPlatform.Http;

/// <summary>
/// CloudWatch's answers in its JSON protocol (JSON 1.0, as botocore's cloudwatch model declares it): timestamps as
/// seconds since the epoch. Its requests are read through <see cref="ToForm"/>, which spells a JSON body with the query
/// protocol's keys, so one reading serves both.
/// </summary>
internal sealed class JsonMetricsProtocol : MetricsProtocol
{
    public const string TargetPrefix = "GraniteServiceVersion20100801.";

    public override IResult Statistics(string label, IReadOnlyList<MetricDatapoint> points) => Answer(new JsonObject
    {
        ["Label"] = label,
        ["Datapoints"] = new JsonArray(points.Select(p =>
        {
            var point = new JsonObject { ["Timestamp"] = p.Start.ToUnixTimeSeconds() };
            foreach (var (statistic, value) in p.Values)
            {
                point[statistic] = value;
            }

            point["Unit"] = p.Unit;
            return (JsonNode)point;
        }).ToArray()),
    });

    public override IResult Data(IReadOnlyList<MetricDataResult> results) => Answer(new JsonObject
    {
        ["MetricDataResults"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
        {
            ["Id"] = r.Id,
            ["Label"] = r.Label,
            ["Timestamps"] = new JsonArray(r.Timestamps.Select(t => (JsonNode)JsonValue.Create(t.ToUnixTimeSeconds())).ToArray()),
            ["Values"] = new JsonArray(r.Values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray()),
            ["StatusCode"] = "Complete",
        }).ToArray()),
        ["Messages"] = new JsonArray(),
    });

    public override IResult Error(string code, string message) => AwsErrors.Json(400, code, message);

    /// <summary>
    /// A JSON request's members under the query protocol's keys: objects by dots (MetricStat.Metric.Namespace), arrays
    /// as .member.1, .member.2…, times (StartTime, EndTime: seconds since the epoch) in ISO 8601. Null for a body that
    /// is not a JSON object.
    /// </summary>
    public static Dictionary<string, string>? ToForm(string body)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }

        if (root is not JsonObject top)
        {
            return null;
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(top, string.Empty, form);
        return form;
    }

    private static void Flatten(JsonNode? node, string key, Dictionary<string, string> form)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    Flatten(value, key.Length == 0 ? name : $"{key}.{name}", form);
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    Flatten(a[i], string.Create(CultureInfo.InvariantCulture, $"{key}.member.{i + 1}"), form);
                }

                break;
            case JsonValue v when key is "StartTime" or "EndTime" && v.TryGetValue<double>(out var seconds):
                form[key] = DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000)).ToString("O", CultureInfo.InvariantCulture);
                break;
            case JsonValue v:
                form[key] = v.GetValueKind() switch
                {
                    JsonValueKind.String => v.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => v.ToJsonString(),
                };
                break;
        }
    }

    private static IResult Answer(JsonObject body) => Results.Text(body.ToJsonString(), "application/x-amz-json-1.0");
}
