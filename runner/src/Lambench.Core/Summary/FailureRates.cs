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
        int errors = 0, timeouts = 0, other = 0;
        foreach (var invocation in invocations)
        {
            switch (invocation.Status)
            {
                case InvocationStatus.Success:
                    break;
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

        return new FailureRates(invocations.Count, errors, timeouts, other);
    }
}
