using Lambench.Core.Columns;
using Lambench.Core.Cost;

namespace Lambench.Core.Summary;

/// <summary>What a set of a stratum's invocations cost: every billed invocation, failures included, as AWS bills them.</summary>
internal sealed class StratumCost(LambdaCostModel costModel, long monthlyInvocations)
{
    public readonly record struct GroupCost(decimal? PerInvocation, MonthlyCost? Monthly, decimal? MeanGbSeconds, int Estimated, double? MeanBilledDurationMs);

    /// <summary>
    /// The billed milliseconds the cost uses: the REPORT line's own Billed Duration (what AWS charged), or where absent
    /// the INIT billing rule's ceil(Duration + Init where billed). Estimated: whether the rule gave it.
    /// </summary>
    private decimal BilledMs(InvocationColumns columns, int row, out bool estimated)
    {
        estimated = columns.BilledDurationMs(row) is null;
        return columns.BilledDurationMs(row) is { } billed
            ? (decimal)billed
            : costModel.Catalog.Lambda.InitBilling.BilledDurationMs(columns.DurationMs[row], columns.InitDurationMs(row), columns.Source(row).Runtime,
                columns.TimestampUtc(row) is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null);
    }

    /// <summary>
    /// The mean cost of an invocation is linear in its GB-seconds, so it is the cost of the mean GB-seconds: one decimal
    /// sum a group instead of a price a row. Only groups whose every invocation can be priced get a cost.
    /// </summary>
    public GroupCost Cost(InvocationColumns columns, int[] members, ConfigurationIdentity identity)
    {
        if (members.Length == 0)
        {
            return default;
        }

        // One pass: Σ billed ms (for the mean) and Σ billed ms × memory MB (for the cost), exact: whole milliseconds
        // (as Lambda bills) add up in longs, any fraction in decimal.
        long wholeMilliseconds = 0, wholeMegabyteMilliseconds = 0;
        decimal fractionalMilliseconds = 0, fractionalMegabyteMilliseconds = 0;
        var estimated = 0;
        var priceable = identity.Architecture is not null;
        foreach (var row in members)
        {
            var size = columns.MemorySizeMb(row);
            priceable &= size is not null;
            var memory = size ?? 0;
            // A REPORT line's own Billed Duration is what AWS charged; only when it is absent is it computed by the rule.
            if (columns.BilledDurationMs(row) is { } b && b == Math.Floor(b) && b < 1e12)
            {
                wholeMilliseconds += (long)b;
                wholeMegabyteMilliseconds += (long)b * memory;
                continue;
            }

            var billed = BilledMs(columns, row, out var byRule);
            fractionalMilliseconds += billed;
            fractionalMegabyteMilliseconds += billed * memory;
            estimated += byRule ? 1 : 0;
        }

        var meanBilledMs = (double)((wholeMilliseconds + fractionalMilliseconds) / members.Length);
        if (!priceable)
        {
            return new GroupCost(null, null, null, 0, meanBilledMs);
        }

        var architecture = identity.Architecture!;
        var meanGbSeconds = LambdaCostModel.GbSeconds(1, wholeMegabyteMilliseconds + fractionalMegabyteMilliseconds) / members.Length;
        return new GroupCost(
            costModel.InvocationCostOfGbSeconds(architecture, meanGbSeconds),
            costModel.Monthly(architecture, monthlyInvocations, meanGbSeconds, withFreeTier: false),
            meanGbSeconds,
            estimated,
            meanBilledMs);
    }

    /// <summary>
    /// The cost at a declared cold share: per invocation and in GB-s, (1 − p)·warm + p·cold (cost is linear in GB-s);
    /// null where a side with positive weight cannot be priced.
    /// </summary>
    public GroupCost Mix(GroupCost warm, GroupCost cold, double coldShare, string? architecture)
    {
        var (w, c) = (1 - (decimal)coldShare, (decimal)coldShare);
        decimal? Weighted(decimal? a, decimal? b) => (w == 0 || a is not null) && (c == 0 || b is not null) ? w * (a ?? 0) + c * (b ?? 0) : null;
        double? billed = (w == 0 || warm.MeanBilledDurationMs is not null) && (c == 0 || cold.MeanBilledDurationMs is not null)
            ? (double)w * (warm.MeanBilledDurationMs ?? 0) + coldShare * (cold.MeanBilledDurationMs ?? 0)
            : null;
        var gbSeconds = Weighted(warm.MeanGbSeconds, cold.MeanGbSeconds);
        var monthly = gbSeconds is { } g && architecture is not null ? costModel.Monthly(architecture, monthlyInvocations, g, withFreeTier: false) : null;
        return new GroupCost(Weighted(warm.PerInvocation, cold.PerInvocation), monthly, gbSeconds, 0, billed);
    }
}
