namespace Lambench.Core.Records;

/// <summary>The statuses Lambda reports (the JSON log format's vocabulary; text REPORT lines without Status are successes).</summary>
public static class InvocationStatus
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string Failure = "failure";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Success, Error, Timeout, Failure };

    /// <summary>Maps "timeout", "Timeout", "error" ... to the canonical lower-case spelling.</summary>
    public static string Normalise(string status)
    {
        var lower = status.Trim().ToLowerInvariant();
        return All.Contains(lower)
            ? lower
            : throw new FormatException($"unknown status '{status}' (expected one of {string.Join(", ", All)})");
    }
}
