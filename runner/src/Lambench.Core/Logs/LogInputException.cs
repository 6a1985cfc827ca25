namespace Lambench.Core.Logs;

/// <summary>
/// The bytes of a log file break a limit or are damaged (a cut or corrupt gzip member, a line longer than any log
/// event, a decompression far beyond what text compresses to). The reader that catches it adds the file's name.
/// </summary>
public sealed class LogInputException(string where, string reason, Exception? inner = null) : IOException($"{where}: {reason}", inner)
{
    public string Where { get; } = where;
    public string Reason { get; } = reason;
}
