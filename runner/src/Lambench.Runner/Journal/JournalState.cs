using System.Text.Json.Serialization;

namespace Lambench.Runner.Journal;

/// <summary>What a journal line records of a step's attempt.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JournalState>))]
public enum JournalState
{
    /// <summary>Written before the step acts.</summary>
    [JsonStringEnumMemberName("started")]
    Started,

    [JsonStringEnumMemberName("done")]
    Done,

    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>A crash or a Ctrl+C interrupted the attempt; its invocation, if any, is left out.</summary>
    [JsonStringEnumMemberName("abandoned")]
    Abandoned,

    /// <summary>What a resumed run did before going on (settings re-applied, a warm-up sent, damaged lines set aside).</summary>
    [JsonStringEnumMemberName("resumed")]
    Resumed,
}
