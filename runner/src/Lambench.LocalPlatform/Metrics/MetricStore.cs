using System.Collections.Concurrent;

namespace Lambench.LocalPlatform.Metrics;

/// <summary>
/// The AWS/Lambda metrics the platform keeps per function and minute, as CloudWatch does: Invocations (every
/// invocation that ran, failed ones included), Errors (function errors and timeouts) and Throttles (invocations refused
/// with TooManyRequestsException, from any event source).
/// </summary>
public sealed class MetricStore
{
    public const string Invocations = "Invocations";
    public const string Errors = "Errors";
    public const string Throttles = "Throttles";

    private readonly ConcurrentDictionary<(string Function, string Metric, long Minute), long> counts = new();

    public void Add(string function, string metric, DateTimeOffset at) =>
        counts.AddOrUpdate((function, metric, at.ToUnixTimeSeconds() / 60), 1, (_, count) => count + 1);

    /// <summary>Sums over [start, end) in periods of <paramref name="periodSeconds"/> (a multiple of 60): (period start, sum), empty periods left out.</summary>
    public IReadOnlyList<(DateTimeOffset Start, long Sum)> Sums(string function, string metric, DateTimeOffset start, DateTimeOffset end, int periodSeconds)
    {
        var periodMinutes = Math.Max(1, periodSeconds / 60);
        var first = start.ToUnixTimeSeconds() / 60;
        var last = (end.ToUnixTimeSeconds() - 1) / 60;
        return counts
            .Where(c => c.Key.Function == function && c.Key.Metric == metric && c.Key.Minute >= first && c.Key.Minute <= last)
            .GroupBy(c => first + ((c.Key.Minute - first) / periodMinutes * periodMinutes))
            .OrderBy(g => g.Key)
            .Select(g => (DateTimeOffset.FromUnixTimeSeconds(g.Key * 60), g.Sum(c => c.Value)))
            .ToList();
    }
}
