using System.Globalization;
using System.Text;

namespace Lambench.Core.Tests.Ingest;

/// <summary>
/// One REPORT line drawn at random over Lambda's grammar (optional Init or SnapStart Restore fields, statuses with and
/// without an Error Type, field order, tab or space separators, trailing tab, X-Ray trailer), with the values it must
/// parse back to. Values are drawn as the strings Lambda writes ("3005.31"), so the expected doubles are exact.
/// </summary>
internal sealed record GeneratedReportLine(
    string RequestId, string Duration, int Billed, int Memory, int MaxMemory, string? Init, string? Restore, int? BilledRestore,
    string Status, string? ErrorType, int[] Order, string Separator, bool TrailingSeparator, XrayTrailer Trailer)
{
    public static GeneratedReportLine Draw(Random random)
    {
        string Ms(int max) => (random.Next(1, max) + random.Next(0, 100) / 100.0).ToString("0.00", CultureInfo.InvariantCulture);
        var memory = random.Next(128, 10_241);
        var duration = Ms(900_000);
        var snapStart = random.Next(6) == 0;
        var init = !snapStart && random.Next(3) == 0 ? Ms(10_000) : null;
        var status = random.Next(5) switch { 0 => "timeout", 1 => "error", _ => "success" };
        var order = Enumerable.Range(0, 9).ToArray();
        if (random.Next(4) == 0)
        {
            random.Shuffle(order);
        }

        return new GeneratedReportLine(
            Guid.NewGuid().ToString(), duration, (int)Math.Ceiling(double.Parse(duration, CultureInfo.InvariantCulture) + (init is null ? 0 : double.Parse(init, CultureInfo.InvariantCulture))),
            memory, random.Next(20, memory + 1), init, snapStart ? Ms(2_000) : null, snapStart ? random.Next(1, 500) : null,
            status, status == "error" ? random.Next(2) == 0 ? "Runtime.ImportModuleError" : "Runtime.ExitError" : null,
            order, random.Next(3) switch { 0 => "\t", 1 => " ", _ => "   " }, random.Next(2) == 0, (XrayTrailer)random.Next(3));
    }

    public double DurationMs => double.Parse(Duration, CultureInfo.InvariantCulture);

    public double? InitMs => Init is null ? null : double.Parse(Init, CultureInfo.InvariantCulture);

    public double? RestoreMs => Restore is null ? null : double.Parse(Restore, CultureInfo.InvariantCulture);

    /// <summary>The text line: REPORT RequestId first, then the fields in the drawn order, with the trailer if any.</summary>
    public string Text(bool trailerOnSameLineOnly = false)
    {
        var fields = new[]
        {
            $"Duration: {Duration} ms", $"Billed Duration: {Billed} ms", $"Memory Size: {Memory} MB", $"Max Memory Used: {MaxMemory} MB",
            Init is null ? null : $"Init Duration: {Init} ms",
            Restore is null ? null : $"Restore Duration: {Restore} ms",
            BilledRestore is null ? null : $"Billed Restore Duration: {BilledRestore} ms",
            Status == "success" ? null : $"Status: {Status}",
            ErrorType is null ? null : $"Error Type: {ErrorType}",
        };
        var line = new StringBuilder($"REPORT RequestId: {RequestId}");
        foreach (var field in Order.Select(i => fields[i]).OfType<string>())
        {
            line.Append(Separator).Append(field);
        }

        if (TrailerSeparatorNeeded)
        {
            line.Append(Separator);
        }

        return Trailer switch
        {
            XrayTrailer.SameLine => line.Append(Separator).Append(Xray).ToString(),
            XrayTrailer.NextLine when !trailerOnSameLineOnly => line.Append('\n').Append(Xray).ToString(),
            _ => line.ToString(),
        };
    }

    private bool TrailerSeparatorNeeded => TrailingSeparator;

    public string Xray => $"XRAY TraceId: 1-5759e988-{RequestId[..8]}bd862e3fe1be46a994272793{Separator}SegmentId: 53995c3f42cd8ad8{Separator}Sampled: true";

    /// <summary>The JSON log format's platform.report record: optional fields absent, not zero.</summary>
    public string Json(DateTimeOffset time)
    {
        var metrics = new StringBuilder($"\"durationMs\":{Duration},\"billedDurationMs\":{Billed},\"memorySizeMB\":{Memory},\"maxMemoryUsedMB\":{MaxMemory}");
        if (Init is not null)
        {
            metrics.Append(CultureInfo.InvariantCulture, $",\"initDurationMs\":{Init}");
        }

        if (Restore is not null)
        {
            metrics.Append(CultureInfo.InvariantCulture, $",\"restoreDurationMs\":{Restore},\"billedRestoreDurationMs\":{BilledRestore}");
        }

        var error = ErrorType is null ? string.Empty : $",\"errorType\":\"{ErrorType}\"";
        return $"{{\"time\":\"{time:yyyy-MM-ddTHH:mm:ss.fffZ}\",\"type\":\"platform.report\",\"record\":{{\"requestId\":\"{RequestId}\",\"status\":\"{Status}\"{error},\"metrics\":{{{metrics}}}}}}}";
    }
}
