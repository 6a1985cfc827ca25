namespace Lambench.Core.Logs;

/// <summary>
/// How a log file ended, known once its entries have all been read: its format, and whether its last line has its
/// line break. A last line without one may be where a copy or a download was cut short.
/// </summary>
public sealed class LogFileEnd
{
    public LogFormat Format { get; internal set; } = LogFormat.RawText;

    /// <summary>The file's last line has no line break after it (the file is not empty).</summary>
    public bool LastLineUnterminated { get; internal set; }

    /// <summary>The file's last byte is a double quote: a CSV row that ends with a quoted field is whole.</summary>
    public bool EndsWithQuote { get; internal set; }
}
