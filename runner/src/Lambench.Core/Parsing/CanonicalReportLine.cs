using System.Runtime.CompilerServices;
using Lambench.Core.Records;

namespace Lambench.Core.Parsing;

/// <summary>
/// Lambda's own layout of the commonest REPORT line, read by position:
/// <c>id\tDuration: d ms\tBilled Duration: b ms\tMemory Size: m MB\tMax Memory Used: u MB\t[Init Duration: i ms\t]</c>
/// and nothing after it. Any other line (another field or order, spaces for tabs, an X-Ray trailer, a number
/// written otherwise) is false, for <see cref="ReportLineParser"/>'s general reading, which gives the same values for
/// these lines at about four times the cost.
/// </summary>
internal static class CanonicalReportLine
{
    /// <param name="rest">the line after <c>REPORT RequestId:</c>.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryRead(ReadOnlySpan<char> rest, out ReportMetrics metrics, out ReadOnlySpan<char> requestId)
    {
        metrics = default;
        rest = rest.TrimStart(' ');
        var tab = rest.IndexOf('\t');
        requestId = tab > 0 ? rest[..tab] : default;
        if (tab <= 0 || requestId.Contains(' '))
        {
            return false;
        }

        rest = rest[(tab + 1)..];
        if (!Field(ref rest, "Duration: ", " ms", out var duration) || !Field(ref rest, "Billed Duration: ", " ms", out var billed, whole: true)
            || !Field(ref rest, "Memory Size: ", " MB", out var memory, whole: true) || !Field(ref rest, "Max Memory Used: ", " MB", out var maxMemory, whole: true))
        {
            return false;
        }

        double? init = null;
        if (rest.StartsWith("Init Duration: ", StringComparison.Ordinal))
        {
            if (!Field(ref rest, "Init Duration: ", " ms", out var initDuration))
            {
                return false;
            }

            init = initDuration;
        }

        // Anything Lambda would not write goes to the general reading, which says why it is refused.
        if (!rest.IsWhiteSpace() || !ReportLineRules.IsMemorySize(memory) || !ReportLineRules.IsRequestId(requestId))
        {
            return false;
        }

        metrics = new ReportMetrics(duration, billed, (int)memory, maxMemory, init, null, null, InvocationStatus.Success, null);
        return true;
    }

    /// <summary>"label digits[.digits] unit" up to the next tab (consumed) or the end.</summary>
    /// <param name="whole">the field is one Lambda writes without a point (Billed Duration, Memory Size, Max Memory Used).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Field(ref ReadOnlySpan<char> rest, string label, string unit, out double value, bool whole = false)
    {
        value = 0;
        if (!rest.StartsWith(label, StringComparison.Ordinal))
        {
            return false;
        }

        rest = rest[label.Length..];
        var end = rest.IndexOf('\t');
        var text = end < 0 ? rest : rest[..end];
        if (!text.EndsWith(unit, StringComparison.Ordinal) || (whole && text.Contains('.')) || !PlainDecimal.TryParseLambda(text[..^unit.Length], out value))
        {
            return false;
        }

        rest = end < 0 ? ReadOnlySpan<char>.Empty : rest[(end + 1)..];
        return true;
    }
}
