using System.Text.Json.Serialization;

namespace Lambench.Core.Vocabulary;

/// <summary>Where invocations ran: the platform column of invocations.csv. Figures of the two are never compared.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Platform>))]
public enum Platform
{
    /// <summary>Lambench's embedded platform: this machine's timings, never AWS figures.</summary>
    [JsonStringEnumMemberName("local")]
    Local,

    /// <summary>AWS Lambda; CloudWatch logs.</summary>
    [JsonStringEnumMemberName("aws")]
    Aws,
}
