namespace Lambench.Core.Parsing;

public enum LogMessageKind
{
    /// <summary>An application line or anything else Lambench does not read.</summary>
    Other,
    /// <summary>START, END, XRAY, INIT_START or their JSON counterparts: recognised, carry nothing Lambench needs.</summary>
    Platform,
    Report,
    InitReport,
    Tag,
    /// <summary>A line in CloudWatch's embedded metric format (a JSON object with "_aws").</summary>
    Metrics,
}
