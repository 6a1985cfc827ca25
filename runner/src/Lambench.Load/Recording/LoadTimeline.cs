using Lambench.Core.Statistics;

namespace Lambench.Load.Recording;

/// <summary>A load over time, interval by interval, from its records (latency and throughput over time).</summary>
public static class LoadTimeline
{
    public static IReadOnlyList<TimelineBucket> Of(IEnumerable<RequestRecord> records, TimeSpan width)
    {
        var widthUs = width.Ticks / TimeSpan.TicksPerMicrosecond;
        ArgumentOutOfRangeException.ThrowIfLessThan(widthUs, 1);
        var all = records.ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var last = all.Max(r => Math.Max(r.IntendedUs, r.CompletedUs)) / widthUs;
        var buckets = new List<TimelineBucket>();
        var offered = new long[last + 1];
        var answered = new List<RequestRecord>[last + 1];
        foreach (var record in all)
        {
            offered[record.IntendedUs / widthUs]++;
            (answered[record.CompletedUs / widthUs] ??= []).Add(record);
        }

        for (var i = 0L; i <= last; i++)
        {
            var done = answered[i] ?? [];
            var latencies = done.Where(r => r.Outcome == LoadOutcome.Ok).Select(r => r.ClientLatencyUs / 1000.0).Order().ToArray();
            buckets.Add(new TimelineBucket(
                i * width.TotalSeconds,
                offered[i],
                done.Count,
                done.Count(r => r.Outcome == LoadOutcome.Error),
                done.Count(r => r.Outcome == LoadOutcome.Throttled),
                latencies.Length > 0 ? Percentiles.Linear(latencies, 50) : null,
                latencies.Length >= MinimumSampleSizes.P99 ? Percentiles.Linear(latencies, 99) : null));
        }

        return buckets;
    }
}
