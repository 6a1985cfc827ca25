namespace Lambench.Core.Records;

/// <summary>The statuses Lambda reports (the JSON log format's vocabulary; text REPORT lines without Status are successes).</summary>
public static class InvocationStatus
{
    public const string Success = "success";
    public const string Error = "error";
    public const string Timeout = "timeout";
    public const string Failure = "failure";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Success, Error, Timeout, Failure };

    private static readonly string[] Names = [Success, Error, Timeout, Failure];

    /// <summary>Maps "timeout", "Timeout", "error" ... to the canonical lower-case spelling.</summary>
    public static string Normalise(string status) =>
        TryNormalise(status, out var canonical)
            ? canonical
            : throw new FormatException(Unknown(status));

    /// <summary>What to say of a status that is none of these.</summary>
    public static string Unknown(ReadOnlySpan<char> status) => $"unknown status '{status}' (expected one of {string.Join(", ", Names)})";

    /// <summary>The canonical spelling of <paramref name="status"/> (any case, blanks around it), without allocating; false when it is none of them.</summary>
    public static bool TryNormalise(ReadOnlySpan<char> status, out string canonical)
    {
        var trimmed = status.Trim();
        foreach (var name in Names)
        {
            if (trimmed.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                canonical = name;
                return true;
            }
        }

        canonical = string.Empty;
        return false;
    }
}
