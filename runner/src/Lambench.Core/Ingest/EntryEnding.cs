using Lambench.Core.Parsing;

namespace Lambench.Core.Ingest;

/// <summary>How a log entry ends: whole, or the last of a file that ends inside it (no line break after it).</summary>
internal enum Ending
{
    Whole,
    Unterminated,
    CutCsvRow,
}

/// <summary>What a cut-short last entry may still be trusted with.</summary>
internal static class EntryEnding
{
    /// <summary>
    /// A file's last line without its line break may be where a copy or download was cut ("Memory Size: 10" of 1024).
    /// A text REPORT line there is kept only when it ends with an X-Ray trailer's last field, the last thing Lambda
    /// writes on the line: a cut at a tab leaves a line that looks whole ("…Max Memory Used: 66 MB&lt;tab&gt;" without the
    /// Init Duration or Status that followed), and a cold start or a timeout would read as a plain warm start. A
    /// JSON-format line is whole when it parses; a CSV row, when it ends with its closing quote.
    /// </summary>
    public static void Check(ReadOnlySpan<char> message, Ending ending, bool isReport)
    {
        const string Advice = "add a line break after it if it is whole";
        if (ending == Ending.CutCsvRow && (isReport || message.Contains("REPORT", StringComparison.Ordinal)))
        {
            throw new LogMessageFormatException($"the file ends inside this CSV row (no line break, no closing quote), so it may be cut short; {Advice}");
        }

        if (ending != Ending.Unterminated)
        {
            return;
        }

        if (isReport ? !ReportLineParser.EndsWithXrayTrailer(message) : message.Contains("\"platform.report\"", StringComparison.Ordinal))
        {
            throw new LogMessageFormatException($"the file ends with this REPORT line and no line break, so it may be cut short (even at a tab, which would drop an Init Duration or a Status and leave a whole-looking line); {Advice}");
        }
    }

    private static readonly string[] FieldLabels = ["Duration: ", "Billed Duration: ", "Memory Size: ", "Max Memory Used: ", "Init Duration: ", "Restore Duration: ", "Billed Restore Duration: ", "Status: ", "Error Type: "];

    /// <summary>
    /// Whether a line (without a timestamp or stream prefix) is the rest of the REPORT line before it: it starts with
    /// one of its fields' labels, as when a line break took the place of a tab ("…Max Memory Used: 74 MB", then
    /// "Init Duration: 240.00 ms"): the REPORT line before is then not whole, and a cold start would read as warm.
    /// </summary>
    public static bool ContinuesReport(ReadOnlySpan<char> line)
    {
        foreach (var label in FieldLabels)
        {
            if (line.StartsWith(label, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
