using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// How often Lambda refused a configuration's requests (TooManyRequestsException, the SQS trigger's pollers included):
/// throttled requests run nothing and have no REPORT line, so they come from Lambda's Throttles metric. The rate is
/// over every request, Throttled / (Invocations + Throttled), with its Wilson 95 % interval; per configuration (the
/// metric is per function), across its workloads. Invocations: every one that ran in the run, warm-ups included,
/// as the metric counts their throttles too.
/// </summary>
public sealed record ThrottleRate(string Configuration, int Invocations, int Throttled)
{
    public int Requests => Invocations + Throttled;

    public double? Rate => Requests == 0 ? null : (double)Throttled / Requests;

    public ConfidenceInterval? RateCi95 => WilsonInterval.Compute(Throttled, Requests);
}
