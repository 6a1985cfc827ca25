namespace Lambench.Core.Parsing;

/// <summary>A message that is recognisably a REPORT (or INIT_REPORT) line but cannot be read; the caller adds file and line.</summary>
public sealed class LogMessageFormatException(string message) : FormatException(message);
