using System.Globalization;
using Lambench.Core.Records;

namespace Lambench.Core.Parsing;

/// <summary>
/// What Lambda can write in a REPORT line, so that a line it cannot have written (cut short, edited, made up) is
/// rejected with its reason instead of becoming a row. Every rule was checked against the published lines in the
/// tests' fixtures (Fixtures/published), which are real lines from AWS's documentation, issues and repositories.
/// </summary>
public static class ReportLineRules
{
    public const int MinimumMemoryMb = 128;
    public const int MaximumMemoryMb = 10_240;

    /// <summary>
    /// How far Max Memory Used may exceed Memory Size: published logs show 129 MB used of 128 MB (a python3.12
    /// function, Logs Insights, 2024-02-21), so the cap is the MiB-to-MB ratio, the most a reading in one unit of a
    /// limit set in the other can exceed it by, plus the 1 MB of rounding.
    /// </summary>
    public const double MaximumMemoryOvershoot = 1.048576;

    /// <summary>
    /// Lambda's request ids are UUIDs: 8-4-4-4-12 letters and digits (AWS's documentation writes "xmpl" in place of hex
    /// digits, so letters are allowed). moto, the AWS emulator, answers with 52 letters and digits, so 32 to 128 of them
    /// without a dash are taken too. The shape is what lets a damaged id be told from another one: "d2-58b5-…" is a
    /// UUID that lost its head, and would be kept as another invocation's id. It also keeps out what a spreadsheet
    /// would run as a formula (=, +, -, @ first) and what would break a CSV cell.
    /// </summary>
    public static bool IsRequestId(ReadOnlySpan<char> id)
    {
        if (id.Length is >= 32 and <= 128 && !id.ContainsAnyExcept(AsciiLettersAndDigits))
        {
            return true;
        }

        // 8-4-4-4-12: the four dashes where a UUID has them and nowhere else, letters and digits around them.
        return id.Length == 36 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-'
            && !id.ContainsAnyExcept(AsciiLettersDigitsAndDash) && id.Count('-') == 4;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    private static readonly System.Buffers.SearchValues<char> AsciiLettersDigitsAndDash =
        System.Buffers.SearchValues.Create("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <exception cref="LogMessageFormatException">an id Lambda does not write (<see cref="IsRequestId"/>).</exception>
    public static void CheckRequestId(ReadOnlySpan<char> id)
    {
        if (!IsRequestId(id))
        {
            throw new LogMessageFormatException($"RequestId '{Text.Excerpt.Of(id)}' is not one Lambda writes (a UUID: 8-4-4-4-12 letters and digits, or 32 to 128 letters and digits)");
        }
    }

    /// <summary>Whether Lambda allows this Memory Size: a whole number of MB in its range.</summary>
    public static bool IsMemorySize(double megabytes) => megabytes is >= MinimumMemoryMb and <= MaximumMemoryMb && megabytes == Math.Floor(megabytes);

    /// <summary>Memory Size as a whole number of MB in Lambda's range.</summary>
    /// <exception cref="LogMessageFormatException">a size Lambda does not allow (its reason names the value).</exception>
    public static int MemorySize(double megabytes)
    {
        if (!IsMemorySize(megabytes))
        {
            throw new LogMessageFormatException(string.Create(CultureInfo.InvariantCulture,
                $"Memory Size {Shown(megabytes)} MB is not one Lambda allows (whole MB from {MinimumMemoryMb} to {MaximumMemoryMb:N0})"));
        }

        return (int)megabytes;
    }

    /// <summary>
    /// Why Lambda cannot have written these metrics, or null when it can. <paramref name="initBilled"/> says whether
    /// the INIT phase is billed for this invocation (custom runtimes always; managed runtimes from 2025-08-01): then a
    /// cold start's Billed Duration covers Duration + Init Duration.
    /// </summary>
    public static string? Violation(in ReportMetrics metrics, bool initBilled)
    {
        if (metrics.BilledDurationMs is not { } billed)
        {
            return "no Billed Duration: Lambda writes Duration, Billed Duration, Memory Size and Max Memory Used in every REPORT line (a line cut short?)";
        }

        if (metrics.MemorySizeMb is not { } memory)
        {
            return "no Memory Size: Lambda writes it in every REPORT line (a line cut short?)";
        }

        if (metrics.MaxMemoryUsedMb is not { } used)
        {
            return "no Max Memory Used: Lambda writes it in every REPORT line (a line cut short?)";
        }

        if (billed != Math.Floor(billed))
        {
            return $"Billed Duration {Shown(billed)} ms is not a whole number of milliseconds, as Lambda bills";
        }

        if (used > Math.Ceiling(memory * MaximumMemoryOvershoot))
        {
            return $"Max Memory Used {Shown(used)} MB is above Memory Size {memory} MB";
        }

        return BilledBelowDuration(metrics, billed, initBilled);
    }

    /// <summary>
    /// Billed Duration is at least the duration rounded up to the next ms, and where the INIT phase is billed at least
    /// Duration + Init Duration rounded up (less 1 ms, since both are printed to 0.01 ms and their sum may round up across
    /// a whole ms that the exact sum did not reach). One exception, seen in published logs: a timed-out invocation may be
    /// billed at its whole-second timeout while Duration runs a little past it (Duration 18018.26 ms, Billed 18000 ms).
    /// Doubles suffice: the ceiling of a number printed to 0.01 is exact in binary (no such number lies within 1e-9 of an
    /// integer it is not), and the 1 ms of tolerance absorbs the rounding of a sum.
    /// </summary>
    private static string? BilledBelowDuration(in ReportMetrics metrics, double billed, bool initBilled)
    {
        var floor = Math.Ceiling(metrics.DurationMs);
        var what = "Duration";
        if (initBilled && metrics.InitDurationMs is { } init)
        {
            floor = Math.Ceiling(metrics.DurationMs + init) - 1;
            what = "Duration + Init Duration (the INIT phase is billed here)";
        }

        if (billed >= floor)
        {
            return null;
        }

        var billedAtTimeout = billed % 1000 == 0 && billed > 0 && metrics.DurationMs - billed < 1000
            && (metrics.Status == InvocationStatus.Timeout || metrics.InitDurationMs is null);
        return billedAtTimeout ? null : $"Billed Duration {Shown(billed)} ms is below {what} rounded up ({Shown(floor)} ms)";
    }

    private static string Shown(double value) =>
        Math.Abs(value) < 1e15 ? value.ToString("0.##", CultureInfo.InvariantCulture) : value.ToString("E3", CultureInfo.InvariantCulture);
}
