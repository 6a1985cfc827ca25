namespace Lambench.Core.Logs;

/// <summary>A log file that cannot be read; the message names the file and the line (or JSON element).</summary>
public sealed class LogFormatException : Exception
{
    public LogFormatException(string path, string where, string reason, Exception? inner = null)
        : base($"{path}: {where}: {reason}", inner)
    {
        Path = path;
        Where = where;
        Reason = reason;
    }

    public string Path { get; }
    public string Where { get; }
    public string Reason { get; }
}
