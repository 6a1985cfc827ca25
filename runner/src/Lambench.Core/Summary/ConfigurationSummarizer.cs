using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>Groups invocations by configuration and start type and computes every statistic and cost of the summary once.</summary>
public sealed class ConfigurationSummarizer(LambdaCostModel costModel, long monthlyInvocations = ConfigurationSummarizer.DefaultMonthlyInvocations)
{
    public const long DefaultMonthlyInvocations = 1_000_000;

    public SummaryResult Summarise(IEnumerable<InvocationRecord> invocations)
    {
        var warnings = new List<string>();
        var rows = new List<ConfigurationSummary>();
        var groups = invocations.GroupBy(i => i.Configuration, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var all = group.ToList();
            var cold = all.Where(i => i.StartType == StartType.Cold).ToList();
            var warm = all.Where(i => i.StartType == StartType.Warm).ToList();
            var identity = Identity(group.Key, all, warnings);
            var costs = Costs(group.Key, all, identity, warnings);

            double? coldRate = all.Count > 0 ? (double)cold.Count / all.Count : null;
            double? overhead = null, overheadPercent = null;
            if (cold.Count > 0 && warm.Count > 0)
            {
                var warmMean = warm.Average(i => i.DurationMs);
                overhead = cold.Average(i => i.DurationMs + (i.InitDurationMs ?? 0) + (i.RestoreDurationMs ?? 0)) - warmMean;
                overheadPercent = warmMean > 0 ? overhead / warmMean * 100 : null;
            }

            foreach (var (startType, members) in new[] { (StartTypeNames.All, all), (StartTypeNames.Warm, warm), (StartTypeNames.Cold, cold) })
            {
                var memberCosts = members.Select(m => costs.TryGetValue(m, out var c) ? c : ((decimal Usd, decimal GbSeconds, bool Estimated)?)null).ToList();
                var priced = memberCosts.Count > 0 && memberCosts.All(c => c is not null);
                decimal? perInvocation = priced ? memberCosts.Average(c => c!.Value.Usd) : null;
                MonthlyCost? monthly = null, monthlyFree = null;
                if (priced && identity.Architecture is { } architecture)
                {
                    var meanGbSeconds = memberCosts.Average(c => c!.Value.GbSeconds);
                    monthly = costModel.Monthly(architecture, monthlyInvocations, meanGbSeconds, withFreeTier: false);
                    monthlyFree = costModel.Monthly(architecture, monthlyInvocations, meanGbSeconds, withFreeTier: true);
                }

                var billed = members.Where(m => m.BilledDurationMs is not null).Select(m => m.BilledDurationMs!.Value).ToList();
                var memory = members.Where(m => m.MaxMemoryUsedMb is not null).Select(m => m.MaxMemoryUsedMb!.Value).ToList();
                rows.Add(new ConfigurationSummary
                {
                    Configuration = group.Key,
                    StartType = startType,
                    Runtime = identity.Runtime,
                    Architecture = identity.Architecture,
                    MemorySizeMb = identity.MemorySizeMb,
                    Platform = identity.Platform,
                    Duration = SampleStatistics.Compute(members.Select(m => m.DurationMs)),
                    MeanBilledDurationMs = billed.Count > 0 ? billed.Average() : null,
                    InitDuration = SampleStatistics.Compute(members.Where(m => m.InitDurationMs is not null).Select(m => m.InitDurationMs!.Value)),
                    ColdStartRate = coldRate,
                    ColdStartOverheadMs = overhead,
                    ColdStartOverheadPercent = overheadPercent,
                    MeanMaxMemoryUsedMb = memory.Count > 0 ? memory.Average() : null,
                    NotSuccessful = members.Count(m => m.Status != InvocationStatus.Success),
                    BilledDurationEstimated = memberCosts.Count(c => c is { Estimated: true }),
                    CostPerInvocationUsd = perInvocation,
                    CostPerMillionUsd = perInvocation * 1_000_000m,
                    MonthlyInvocations = monthlyInvocations,
                    MonthlyCostUsd = monthly?.TotalUsd,
                    MonthlyCostWithFreeTierUsd = monthlyFree?.TotalUsd,
                });
            }
        }

        var comparisons = ConfigurationComparer.CompareAll(groups.Select(g => (g.Key, (IReadOnlyList<InvocationRecord>)g.ToList())).ToList());
        return new SummaryResult(rows, comparisons, warnings);
    }

    private readonly record struct ConfigurationIdentity(string? Runtime, string? Architecture, int? MemorySizeMb, string? Platform);

    private static ConfigurationIdentity Identity(string configuration, List<InvocationRecord> rows, List<string> warnings)
    {
        T? Single<T>(string what, Func<InvocationRecord, T?> select)
        {
            var values = rows.Select(select).Where(v => v is not null).Distinct().ToList();
            if (values.Count > 1)
            {
                warnings.Add($"configuration '{configuration}' mixes {what} values ({string.Join(", ", values)}): compared configurations must hold one each; left empty");
                return default;
            }

            return values.Count == 1 ? values[0] : default;
        }

        return new ConfigurationIdentity(
            Single("runtime", r => r.Runtime),
            Single("architecture", r => r.Architecture),
            rows.Select(r => r.MemorySizeMb).Where(v => v is not null).Distinct().Count() > 1
                ? Single<int?>("memory size", r => r.MemorySizeMb)
                : rows.Select(r => r.MemorySizeMb).FirstOrDefault(v => v is not null),
            Single("platform", r => r.Platform));
    }

    private Dictionary<InvocationRecord, (decimal Usd, decimal GbSeconds, bool Estimated)> Costs(
        string configuration, List<InvocationRecord> rows, ConfigurationIdentity identity, List<string> warnings)
    {
        var costs = new Dictionary<InvocationRecord, (decimal, decimal, bool)>(ReferenceEqualityComparer.Instance);
        if (identity.Architecture is null)
        {
            warnings.Add($"configuration '{configuration}': architecture unknown, so not priced (ingest with --architecture arm64|x86_64)");
            return costs;
        }

        var rule = costModel.Catalog.Lambda.InitBilling;
        foreach (var row in rows)
        {
            if (row.MemorySizeMb is not { } memory)
            {
                continue;
            }

            // A REPORT line's own Billed Duration is what AWS charged; only when it is absent is it computed by the rule.
            var estimated = row.BilledDurationMs is null;
            var billed = row.BilledDurationMs is { } b
                ? (decimal)b
                : rule.BilledDurationMs(row.DurationMs, row.InitDurationMs, row.Runtime, row.TimestampUtc is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : null);
            costs[row] = (costModel.InvocationCost(identity.Architecture, memory, billed), LambdaCostModel.GbSeconds(memory, billed), estimated);
        }

        if (costs.Count < rows.Count)
        {
            warnings.Add($"configuration '{configuration}': {rows.Count - costs.Count} invocation(s) without a memory size, so not priced");
        }

        return costs;
    }
}
