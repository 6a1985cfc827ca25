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
}
