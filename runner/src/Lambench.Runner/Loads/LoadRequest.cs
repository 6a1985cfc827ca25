using Lambench.Load.Recording;

namespace Lambench.Runner.Loads;

/// <summary>
/// One request of a load step as loads/&lt;batch id&gt;.csv keeps it: times in milliseconds from the load's start
/// (microsecond resolution), the intended send time also as UTC, the outcome, and the ids its REPORT line is found by.
/// </summary>
public sealed record LoadRequest(long Sequence, DateTimeOffset IntendedUtc, double IntendedMs, double SentMs, double CompletedMs, LoadOutcome Outcome, string? RequestId, string BatchId)
{
    /// <summary>From the intended send time to the answer: what a user waiting on this request saw.</summary>
    public double ClientLatencyMs => CompletedMs - IntendedMs;

    /// <summary>From the actual send to the answer.</summary>
    public double ServiceTimeMs => CompletedMs - SentMs;

    /// <summary>How late the generator sent it.</summary>
    public double SendErrorMs => SentMs - IntendedMs;

    /// <summary>When it was sent, on this machine's clock.</summary>
    public DateTimeOffset SentUtc => IntendedUtc.AddMilliseconds(SentMs - IntendedMs);

    /// <summary>The batch id a load's request <paramref name="sequence"/> is sent with: the step's, and its number.</summary>
    public static string BatchIdOf(string stepBatchId, long sequence) => $"{stepBatchId}-r{sequence:D7}";

    /// <summary>The step's batch id of a request's batch id (the inverse of <see cref="BatchIdOf"/>), or null.</summary>
    public static string? StepBatchId(string batchId)
    {
        var cut = batchId.LastIndexOf("-r", StringComparison.Ordinal);
        // At least seven digits: D7 pads to seven, and a load of ten million requests or more has eight.
        return cut > 0 && batchId.Length - cut >= 9 && batchId.AsSpan(cut + 2).IndexOfAnyExceptInRange('0', '9') < 0 ? batchId[..cut] : null;
    }
}
