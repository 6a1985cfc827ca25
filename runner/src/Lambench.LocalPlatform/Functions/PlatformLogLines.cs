using System.Globalization;
using System.Text.Json;

namespace Lambench.LocalPlatform.Functions;

/// <summary>
/// START, END and REPORT lines exactly as Lambda writes them: tab-separated text (with the trailing tab of REPORT), or
/// the platform.* JSON records when the function's LoggingConfig.LogFormat is JSON.
/// </summary>
public static class PlatformLogLines
{
    public static string Start(string requestId, bool json) => json
        ? Record("platform.start", new Dictionary<string, object?> { ["requestId"] = requestId, ["version"] = "$LATEST" })
        : $"START RequestId: {requestId} Version: $LATEST";

    public static string End(string requestId, bool json, DateTimeOffset? at = null) => json
        ? Record("platform.runtimeDone", new Dictionary<string, object?> { ["requestId"] = requestId, ["status"] = "success" }, at)
        : $"END RequestId: {requestId}";

    /// <param name="status">success, error or timeout.</param>
    /// <param name="at">the JSON format's "time" (now when null): the invocation's end.</param>
    public static string Report(string requestId, double durationMs, decimal billedDurationMs, int memorySizeMb, int maxMemoryUsedMb, double? initDurationMs, string status, string? errorType, bool json, DateTimeOffset? at = null)
    {
        if (json)
        {
            var metrics = new Dictionary<string, object?>
            {
                ["durationMs"] = Math.Round(durationMs, 3),
                ["billedDurationMs"] = billedDurationMs,
                ["memorySizeMB"] = memorySizeMb,
                ["maxMemoryUsedMB"] = maxMemoryUsedMb,
            };
            if (initDurationMs is { } init)
            {
                metrics["initDurationMs"] = Math.Round(init, 3);
            }

            var record = new Dictionary<string, object?> { ["requestId"] = requestId, ["metrics"] = metrics, ["status"] = status };
            if (errorType is not null)
            {
                record["errorType"] = errorType;
            }

            return Record("platform.report", record, at);
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"REPORT RequestId: {requestId}\tDuration: {durationMs:F2} ms\tBilled Duration: {billedDurationMs:F0} ms\tMemory Size: {memorySizeMb} MB\tMax Memory Used: {maxMemoryUsedMb} MB\t");
        if (initDurationMs is { } initMs)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"Init Duration: {initMs:F2} ms\t");
        }

        if (status != "success")
        {
            line += $"Status: {status}\t" + (errorType is null ? string.Empty : $"Error Type: {errorType}\t");
        }

        return line;
    }

    private static string Record(string type, Dictionary<string, object?> record, DateTimeOffset? at = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["time"] = (at ?? DateTimeOffset.UtcNow).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), ["type"] = type, ["record"] = record });
}
