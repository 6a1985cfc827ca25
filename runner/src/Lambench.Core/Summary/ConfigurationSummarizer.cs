using Lambench.Core.Columns;
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

    public SummaryResult Summarise(IEnumerable<InvocationRecord> invocations) =>
        Summarise(invocations is InvocationRecordList list ? list.Columns : InvocationColumns.From(invocations));

    public SummaryResult Summarise(InvocationColumns columns)
    {
        // A configuration's workloads (batch labels) are strata of their own: a mix of workloads is no one distribution.
        var groups = ConfigurationRows.GroupByStratum(columns);
        // Each stratum is independent (sorting, intervals, bootstraps with fixed seeds): computed in parallel, listed in order.
        var results = new ConfigurationResult[groups.Count];
        Parallel.For(0, groups.Count, i => results[i] = SummariseConfiguration(columns, groups[i].Configuration, groups[i].Workload, ConfigurationRows.Of(columns, groups[i].Rows)));

        var rows = results.SelectMany(r => r.Rows).ToList();
        var warnings = results.SelectMany(r => r.Warnings).ToList();
        var account = results.Where(r => r.Account is not null).Select(r => r.Account!.Value).ToList();
        var platforms = rows.Select(r => r.Platform ?? "unknown").Distinct().Order(StringComparer.Ordinal).ToList();
        if (platforms.Count > 1)
        {
            warnings.Add($"the input mixes platforms ({string.Join(", ", platforms)}): their configurations are summarised apart and never compared with each other; local timings are this machine's, not AWS's");
        }

        var comparisons = ConfigurationComparer.CompareAll(results.Select(r => r.Comparable).ToList());
        return new SummaryResult(rows, comparisons, warnings) { AccountProjection = account.Count == 0 ? null : costModel.Account(account) };
    }

    /// <summary>One configuration's rows, warnings, share of the account projection, and sorted samples for the comparisons.</summary>
    private sealed record ConfigurationResult(
        List<ConfigurationSummary> Rows,
        List<string> Warnings,
        (string Architecture, long Invocations, decimal GbSecondsPerInvocation)? Account,
        ConfigurationComparer.Profile Comparable);

    /// <summary>One configuration's three rows (all, warm, cold), its warnings, and its share of the account projection.</summary>
    private ConfigurationResult SummariseConfiguration(InvocationColumns columns, string configuration, string? workload, ConfigurationRows split)
    {
        var identity = ConfigurationIdentity.Of(columns, split.All);
        var stratum = workload is null ? $"configuration '{configuration}'" : $"configuration '{configuration}', workload '{workload}'";
        var warnings = Warnings(stratum, columns, split.All, identity).ToList();
        double? coldRate = split.Successful.Length > 0 ? (double)split.Cold.Length / split.Successful.Length : null;
        // The warm durations serve the overhead (in input order, as its resampling draws them) and then the warm row's statistics.
        var warmDurations = Values(columns.DurationMs, split.Warm);
        var (overhead, overheadPercent, overheadCi) = Overhead(columns, split.Cold, warmDurations);
        var rows = new List<ConfigurationSummary>(3);
        (string, long, decimal)? account = null;
        var sorted = new double[3][];
        var rounds = new RoundStatistics?[3];
        foreach (var (startType, members, billed) in new[] { (StartTypeNames.All, split.Successful, split.All), (StartTypeNames.Warm, split.Warm, split.AllWarm), (StartTypeNames.Cold, split.Cold, split.AllCold) })
        {
            var cost = Cost(columns, billed, identity);
            if (startType == StartTypeNames.All && cost.MeanGbSeconds is { } meanGbSeconds)
            {
                account = (identity.Architecture!, monthlyInvocations, meanGbSeconds);
            }

            var durations = startType == StartTypeNames.Warm ? warmDurations : Values(columns.DurationMs, members);
            var inits = Values(columns.InitDurationMsOrNaN, members);
            // Before the samples are sorted in place: the comparison metric of the row (warm Duration, cold Init) by round.
            var roundMetric = startType == StartTypeNames.All ? null : startType == StartTypeNames.Cold ? "init_duration_ms" : "duration_ms";
            var byRound = roundMetric is null ? null : RoundsOf(columns, startType == StartTypeNames.Cold ? columns.InitDurationMsOrNaN : columns.DurationMs, members);
            rounds[rows.Count] = byRound;
            rows.Add(new ConfigurationSummary
            {
                Configuration = configuration,
                Workload = workload,
                StartType = startType,
                Runtime = identity.Runtime,
                Architecture = identity.Architecture,
                MemorySizeMb = identity.MemorySizeMb,
                Platform = identity.Platform,
                Duration = SampleStatistics.ComputeInPlace(durations),
                MeanBilledDurationMs = cost.MeanBilledDurationMs,
                InitDuration = SampleStatistics.ComputeInPlace(inits),
                Rounds = byRound,
                RoundMetric = byRound is null ? null : roundMetric,
                ColdStartRate = coldRate,
                ColdStartOverheadMs = overhead,
                ColdStartOverheadCi95 = overheadCi,
                ColdStartOverheadPercent = overheadPercent,
                MeanMaxMemoryUsedMb = MeanWithoutAbsent(columns.MaxMemoryUsedMbOrNaN, members),
                NotSuccessful = billed.Length - members.Length,
                Failures = FailureRates.Of(columns, billed),
                BilledDurationEstimated = cost.Estimated,
                CostPerInvocationUsd = cost.PerInvocation,
                CostPerMillionUsd = cost.PerInvocation * 1_000_000m,
                MonthlyInvocations = monthlyInvocations,
                MonthlyCostUsd = cost.Monthly?.TotalUsd,
            });
            // Sorted in place above: the warm durations and the cold starts' Init durations are the comparisons' samples.
            sorted[rows.Count - 1] = startType == StartTypeNames.Cold ? inits : durations;
        }

        var comparable = new ConfigurationComparer.Profile(configuration, ConfigurationIdentity.Of(columns, split.Successful), [sorted[1], sorted[2]]) { Workload = workload, Rounds = [rounds[1], rounds[2]] };
        return new ConfigurationResult(rows, warnings, account, comparable);
    }

    /// <summary>What keeps a configuration from being compared or priced.</summary>
    private static IEnumerable<string> Warnings(string stratum, InvocationColumns columns, int[] all, ConfigurationIdentity identity)
    {
        foreach (var mixed in identity.Mixed)
        {
            yield return $"{stratum} mixes {mixed}: compared configurations must hold one each; left empty";
        }

        var withoutMemory = all.Count(row => columns.MemorySizeMb(row) is null);
        if (identity.Architecture is null)
        {
            yield return $"{stratum}: architecture unknown, so not priced (ingest with --architecture arm64|x86_64)";
        }
        else if (withoutMemory > 0)
        {
            yield return $"{stratum}: {withoutMemory} invocation(s) without a memory size, so not priced";
        }
    }

    /// <summary>Mean (Duration + Init) of cold starts minus mean Duration of warm ones, as ms and % of the warm mean, with its bootstrap interval.</summary>
    private static (double? Overhead, double? Percent, ConfidenceInterval? Ci) Overhead(InvocationColumns columns, int[] cold, double[] warmDurations)
    {
        if (cold.Length == 0 || warmDurations.Length == 0)
        {
            return (null, null, null);
        }

        var coldTotals = cold.Select(row => columns.DurationMs[row] + (columns.InitDurationMs(row) ?? 0) + (columns.RestoreDurationMs(row) ?? 0)).ToArray();
        var warmMean = warmDurations.Average();
        var overhead = coldTotals.Average() - warmMean;
        return (overhead, warmMean > 0 ? overhead / warmMean * 100 : null, BootstrapDifferenceOfMeans.Compute(coldTotals, warmDurations));
    }

    /// <summary>The round statistics of <paramref name="column"/> at <paramref name="rows"/> (absent values left out); null unless every row has a round and there are 2 or more.</summary>
    private static RoundStatistics? RoundsOf(InvocationColumns columns, ReadOnlySpan<double> column, int[] rows)
    {
        if (rows.Length == 0 || columns.Round(rows[0]) is null)
        {
            return null;
        }

        var values = new List<double>(rows.Length);
        var rounds = new List<int>(rows.Length);
        foreach (var row in rows)
        {
            if (columns.Round(row) is not { } round)
            {
                return null; // rows with and without rounds: not one replicated run
            }

            if (!double.IsNaN(column[row]))
            {
                values.Add(column[row]);
                rounds.Add(round);
            }
        }

        return RoundStatistics.Compute(values, rounds);
    }

    private static double? MeanWithoutAbsent(ReadOnlySpan<double> column, int[] rows)
    {
        double sum = 0;
        var count = 0;
        foreach (var row in rows)
        {
            if (!double.IsNaN(column[row]))
            {
                sum += column[row];
                count++;
            }
        }

        return count > 0 ? sum / count : null;
    }

    /// <summary>The column's values at <paramref name="rows"/>, absent ones (NaN) left out.</summary>
    private static double[] Values(ReadOnlySpan<double> column, int[] rows)
    {
        var values = LargeArray.Allocate<double>(rows.Length);
        var count = 0;
        foreach (var row in rows)
        {
            var value = column[row];
            if (!double.IsNaN(value))
            {
                values[count++] = value;
            }
        }

        return count == values.Length ? values : values[..count];
    }

    private readonly record struct GroupCost(decimal? PerInvocation, MonthlyCost? Monthly, decimal? MeanGbSeconds, int Estimated, double? MeanBilledDurationMs);

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
    private GroupCost Cost(InvocationColumns columns, int[] members, ConfigurationIdentity identity)
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
}
