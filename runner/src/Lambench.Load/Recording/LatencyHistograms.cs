using HdrHistogram;

namespace Lambench.Load.Recording;

/// <summary>
/// HDR histograms of a load, in microseconds from 1 µs to an hour at 3 significant digits (a value is off by at
/// most 0.1 %): client latency (from the intended send time), service time (from the actual send) and the
/// generator's own send error. Recording is lock-free and safe from many completions at once.
/// </summary>
public sealed class LatencyHistograms
{
    private const long HighestUs = 3_600_000_000;
    private const int SignificantDigits = 3;

    public HistogramBase ClientLatency { get; } = New();
    public HistogramBase ServiceTime { get; } = New();
    public HistogramBase SendError { get; } = New();

    public void Record(in RequestRecord record)
    {
        ClientLatency.RecordValue(Clamp(record.ClientLatencyUs));
        ServiceTime.RecordValue(Clamp(record.ServiceTimeUs));
        SendError.RecordValue(Clamp(record.SendErrorUs));
    }

    /// <summary>The value at <paramref name="percentile"/> (0–100) in milliseconds; null with nothing recorded.</summary>
    public static double? PercentileMs(HistogramBase histogram, double percentile) =>
        histogram.TotalCount == 0 ? null : histogram.GetValueAtPercentile(percentile) / 1000.0;

    private static HistogramBase New() => new LongConcurrentHistogram(1, HighestUs, SignificantDigits);

    // 0 µs (an answer within the microsecond) is recorded as 1, the lowest trackable value; an hour is the ceiling.
    private static long Clamp(long us) => Math.Clamp(us, 1, HighestUs);
}
