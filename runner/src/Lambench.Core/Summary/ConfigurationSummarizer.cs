using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Groups invocations by configuration and start type and computes every statistic and cost of the summary once.
/// Latency statistics, the cold-start overhead and the comparisons use successful invocations only (a timeout's
/// Duration is the timeout, not a latency); failures are counted as rates; costs include every invocation.
/// </summary>
public sealed class ConfigurationSummarizer(LambdaCostModel costModel, long monthlyInvocations = ConfigurationSummarizer.DefaultMonthlyInvocations)
{
    public const long DefaultMonthlyInvocations = 1_000_000;

    public SummaryResult Summarise(IEnumerable<InvocationRecord> invocations)
    {
        var warnings = new List<string>();
        var rows = new List<ConfigurationSummary>();
        var groups = new Dictionary<string, List<InvocationRecord>>(StringComparer.Ordinal);
        foreach (var invocation in invocations)
        {
            if (!groups.TryGetValue(invocation.Configuration, out var members))
            {
                groups[invocation.Configuration] = members = [];
            }

            members.Add(invocation);
        }

        var ordered = groups.OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var account = new List<(string Architecture, long Invocations, decimal GbSecondsPerInvocation)>();
        foreach (var (configuration, all) in ordered)
        {
            SummariseConfiguration(configuration, all, rows, warnings, account);
        }

        var platforms = rows.Select(r => r.Platform ?? "unknown").Distinct().Order(StringComparer.Ordinal).ToList();
        if (platforms.Count > 1)
        {
            warnings.Add($"the input mixes platforms ({string.Join(", ", platforms)}): their configurations are summarised apart and never compared with each other; local timings are this machine's, not AWS's");
        }

        var comparisons = ConfigurationComparer.CompareAll(ordered
            .Select(g => (g.Key, (IReadOnlyList<InvocationRecord>)g.Value.Where(r => r.Status == InvocationStatus.Success).ToList()))
            .ToList());
        return new SummaryResult(rows, comparisons, warnings) { AccountProjection = account.Count == 0 ? null : costModel.Account(account) };
    }

    /// <summary>One configuration's three rows (all, warm, cold), its warnings, and its share of the account projection.</summary>
    private void SummariseConfiguration(string configuration, List<InvocationRecord> all, List<ConfigurationSummary> rows, List<string> warnings, List<(string Architecture, long Invocations, decimal GbSecondsPerInvocation)> account)
    {
        var cold = new List<InvocationRecord>();
        var warm = new List<InvocationRecord>();
        var allCold = new List<InvocationRecord>();
        var allWarm = new List<InvocationRecord>();
        var successful = new List<InvocationRecord>();
        foreach (var invocation in all)
        {
            (invocation.StartType == StartType.Cold ? allCold : allWarm).Add(invocation);
            if (invocation.Status == InvocationStatus.Success)
            {
                successful.Add(invocation);
                (invocation.StartType == StartType.Cold ? cold : warm).Add(invocation);
            }
        }

        var identity = ConfigurationIdentity.Of(all);
        warnings.AddRange(Warnings(configuration, all, identity));

        double? coldRate = successful.Count > 0 ? (double)cold.Count / successful.Count : null;
        var (overhead, overheadPercent, overheadCi) = Overhead(cold, warm);
        foreach (var (startType, members, billed) in new[] { (StartTypeNames.All, successful, all), (StartTypeNames.Warm, warm, allWarm), (StartTypeNames.Cold, cold, allCold) })
        {
            var cost = Cost(billed, identity);
            if (startType == StartTypeNames.All && cost.MeanGbSeconds is { } meanGbSeconds)
            {
                account.Add((identity.Architecture!, monthlyInvocations, meanGbSeconds));
            }

            rows.Add(new ConfigurationSummary
            {
                Configuration = configuration,
                StartType = startType,
                Runtime = identity.Runtime,
                Architecture = identity.Architecture,
                MemorySizeMb = identity.MemorySizeMb,
                Platform = identity.Platform,
                Duration = SampleStatistics.ComputeInPlace(Values(members, m => m.DurationMs)),
                MeanBilledDurationMs = cost.MeanBilledDurationMs,
                InitDuration = SampleStatistics.ComputeInPlace(Values(members, m => m.InitDurationMs)),
                ColdStartRate = coldRate,
                ColdStartOverheadMs = overhead,
                ColdStartOverheadCi95 = overheadCi,
                ColdStartOverheadPercent = overheadPercent,
                MeanMaxMemoryUsedMb = Mean(members, m => m.MaxMemoryUsedMb),
                NotSuccessful = billed.Count - members.Count,
                Failures = FailureRates.Of(billed),
                BilledDurationEstimated = cost.Estimated,
                CostPerInvocationUsd = cost.PerInvocation,
                CostPerMillionUsd = cost.PerInvocation * 1_000_000m,
                MonthlyInvocations = monthlyInvocations,
                MonthlyCostUsd = cost.Monthly?.TotalUsd,
            });
        }
    }

    /// <summary>What keeps a configuration from being compared or priced.</summary>
    private static IEnumerable<string> Warnings(string configuration, List<InvocationRecord> all, ConfigurationIdentity identity)
    {
        foreach (var mixed in identity.Mixed)
        {
            yield return $"configuration '{configuration}' mixes {mixed}: compared configurations must hold one each; left empty";
        }

        if (identity.Architecture is null)
        {
            yield return $"configuration '{configuration}': architecture unknown, so not priced (ingest with --architecture arm64|x86_64)";
        }
        else if (all.Any(r => r.MemorySizeMb is null))
        {
            yield return $"configuration '{configuration}': {all.Count(r => r.MemorySizeMb is null)} invocation(s) without a memory size, so not priced";
        }
    }

    /// <summary>Mean (Duration + Init) of cold starts minus mean Duration of warm ones, as ms and % of the warm mean, with its bootstrap interval.</summary>
    private static (double? Overhead, double? Percent, ConfidenceInterval? Ci) Overhead(List<InvocationRecord> cold, List<InvocationRecord> warm)
    {
        if (cold.Count == 0 || warm.Count == 0)
        {
            return (null, null, null);
        }

        var coldTotals = cold.Select(i => i.DurationMs + (i.InitDurationMs ?? 0) + (i.RestoreDurationMs ?? 0)).ToArray();
        var warmDurations = warm.Select(i => i.DurationMs).ToArray();
        var warmMean = warmDurations.Average();
        var overhead = coldTotals.Average() - warmMean;
        return (overhead, warmMean > 0 ? overhead / warmMean * 100 : null, BootstrapDifferenceOfMeans.Compute(coldTotals, warmDurations));
    }

    private static double[] Values(List<InvocationRecord> rows, Func<InvocationRecord, double?> select)
    {
        var values = new List<double>(rows.Count);
        foreach (var row in rows)
        {
            if (select(row) is { } value)
            {
                values.Add(value);
            }
        }

        return values.ToArray();
    }

    private static double? Mean(List<InvocationRecord> rows, Func<InvocationRecord, double?> select)
    {
        double sum = 0;
        var count = 0;
        foreach (var row in rows)
        {
            if (select(row) is { } value)
            {
                sum += value;
                count++;
            }
        }

        return count > 0 ? sum / count : null;
    }

    private readonly record struct GroupCost(decimal? PerInvocation, MonthlyCost? Monthly, decimal? MeanGbSeconds, int Estimated, double? MeanBilledDurationMs);

    /// <summary>
    /// The billed milliseconds the cost uses: the REPORT line's own Billed Duration (what AWS charged), or where absent
    /// the INIT billing rule's ceil(Duration + Init where billed). Estimated: whether the rule gave it.
    /// </summary>
    private decimal BilledMs(InvocationRecord row, out bool estimated)
    {
        estimated = row.BilledDurationMs is null;
        return row.BilledDurationMs is { } billed
            ? (decimal)billed
            : costModel.Catalog.Lambda.InitBilling.BilledDurationMs(row.DurationMs, row.InitDurationMs, row.Runtime, row.TimestampUtc is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null);
    }

    /// <summary>
    /// The mean cost of an invocation is linear in its GB-seconds, so it is the cost of the mean GB-seconds: one decimal
    /// sum a group instead of a price a row. Only groups whose every invocation can be priced get a cost.
    /// </summary>
    private GroupCost Cost(List<InvocationRecord> members, ConfigurationIdentity identity)
    {
        if (members.Count == 0)
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
            priceable &= row.MemorySizeMb is not null;
            var memory = row.MemorySizeMb ?? 0;
            // A REPORT line's own Billed Duration is what AWS charged; only when it is absent is it computed by the rule.
            if (row.BilledDurationMs is { } b && b == Math.Floor(b) && b < 1e12)
            {
                wholeMilliseconds += (long)b;
                wholeMegabyteMilliseconds += (long)b * memory;
                continue;
            }

            var billed = BilledMs(row, out var byRule);
            fractionalMilliseconds += billed;
            fractionalMegabyteMilliseconds += billed * memory;
            estimated += byRule ? 1 : 0;
        }

        var meanBilledMs = (double)((wholeMilliseconds + fractionalMilliseconds) / members.Count);
        if (!priceable)
        {
            return new GroupCost(null, null, null, 0, meanBilledMs);
        }

        var architecture = identity.Architecture!;
        var meanGbSeconds = LambdaCostModel.GbSeconds(1, wholeMegabyteMilliseconds + fractionalMegabyteMilliseconds) / members.Count;
        return new GroupCost(
            costModel.InvocationCostOfGbSeconds(architecture, meanGbSeconds),
            costModel.Monthly(architecture, monthlyInvocations, meanGbSeconds, withFreeTier: false),
            meanGbSeconds,
            estimated,
            meanBilledMs);
    }
}
