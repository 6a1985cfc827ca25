using Lambench.Core.Columns;
using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// How often a configuration's invocations failed, by kind, over all its invocations, each rate with its Wilson 95 %
/// interval. Latency statistics leave these invocations out; costs keep them (AWS bills them).
/// </summary>
public sealed record FailureRates(int Invocations, int Errors, int Timeouts, int OtherFailures)
{
    public int Failed => Errors + Timeouts + OtherFailures;

    public double? ErrorRate => Invocations == 0 ? null : (double)Errors / Invocations;

    public double? TimeoutRate => Invocations == 0 ? null : (double)Timeouts / Invocations;

    public double? FailureRate => Invocations == 0 ? null : (double)Failed / Invocations;

    public ConfidenceInterval? ErrorRateCi95 => WilsonInterval.Compute(Errors, Invocations);

    public ConfidenceInterval? TimeoutRateCi95 => WilsonInterval.Compute(Timeouts, Invocations);

    public ConfidenceInterval? FailureRateCi95 => WilsonInterval.Compute(Failed, Invocations);

    public static FailureRates Of(IReadOnlyCollection<InvocationRecord> invocations)
    {
        var columns = InvocationColumns.From(invocations);
        return Of(columns, Enumerable.Range(0, columns.Count).ToArray());
    }

    /// <summary>The failure rates of the given rows of <paramref name="columns"/>.</summary>
    public static FailureRates Of(InvocationColumns columns, ReadOnlySpan<int> rows)
    {
        int errors = 0, timeouts = 0, other = 0;
        foreach (var row in rows)
        {
            if (columns.IsSuccess(row))
            {
                continue;
            }

            switch (columns.Status(row))
            {
                case InvocationStatus.Error:
                    errors++;
                    break;
                case InvocationStatus.Timeout:
                    timeouts++;
                    break;
                default:
                    other++;
                    break;
            }
        }

        return new FailureRates(rows.Length, errors, timeouts, other);
    }
}
