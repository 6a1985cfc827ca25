using System.Text.Json.Serialization;

namespace Lambench.Core.Workflows;

/// <summary>Step Functions' two workflow types, priced differently.</summary>
public enum StateMachineType
{
    /// <summary>Priced per state transition.</summary>
    [JsonStringEnumMemberName("standard")]
    Standard,

    /// <summary>Priced per execution and its GB-seconds.</summary>
    [JsonStringEnumMemberName("express")]
    Express,
}
