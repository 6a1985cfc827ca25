using System.Text.Json.Serialization;

namespace Lambench.Runner.Specs;

/// <summary>Which function of a configuration runs (infra/template.yaml has one per runtime, workload and architecture).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Workload>))]
public enum Workload
{
    /// <summary>Writes a batch's items to DynamoDB.</summary>
    [JsonStringEnumMemberName("writer")]
    Writer,

    /// <summary>Reads items the runner wrote before the run with GetItem, with the batch's client settings.</summary>
    [JsonStringEnumMemberName("reader")]
    Reader,

    /// <summary>Sorting, math or string processing on data of a given size.</summary>
    [JsonStringEnumMemberName("cpu")]
    Cpu,

    /// <summary>A fixed sleep (a step that waits on something else).</summary>
    [JsonStringEnumMemberName("sleep")]
    Sleep,

    /// <summary>Returns at once, or fails as the batch asks.</summary>
    [JsonStringEnumMemberName("noop")]
    Noop,
}
