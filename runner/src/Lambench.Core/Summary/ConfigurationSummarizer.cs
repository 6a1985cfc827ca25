using Lambench.Core.Columns;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Groups invocations by configuration, workload and start type and computes every statistic and cost of the summary
/// once. Warm and cold starts are rows apart; the two are mixed only at a cold share the user declares (the mix row),
/// never at the share the protocol happened to force. Latency statistics, the cold-start overhead and the comparisons
/// use successful invocations only (a timeout's Duration is the timeout, not a latency); failures are counted as
/// rates; costs include every invocation.
/// </summary>
public sealed class ConfigurationSummarizer(LambdaCostModel costModel, long monthlyInvocations = ConfigurationSummarizer.DefaultMonthlyInvocations, double? coldShare = null)
{
    public const long DefaultMonthlyInvocations = 1_000_000;

    /// <summary>The share of cold starts a user declared (a production mix) for the mix rows; null: none, no mix rows.</summary>
    private readonly double? coldShare = coldShare is null or (>= 0 and <= 1) ? coldShare
        : throw new ArgumentOutOfRangeException(nameof(coldShare), coldShare, "a cold share is a fraction from 0 to 1");

    private readonly StratumCost stratumCost = new(costModel, monthlyInvocations);

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

        // Price-performance beside performance: the candidate's cost per invocation over the baseline's, same start type.
        var cost = rows.ToDictionary(r => (r.Configuration, r.Workload, r.StartType), r => r.CostPerInvocationUsd);
        var comparisons = ConfigurationComparer.CompareAll(results.Select(r => r.Comparable).ToList())
            .Select(c => cost.GetValueOrDefault((c.Baseline, c.Workload, c.StartType)) is > 0 and var b && cost.GetValueOrDefault((c.Candidate, c.Workload, c.StartType)) is { } k
                ? c with { CostRatio = (double)(k / b) } : c)
            .ToList();
        return new SummaryResult(rows, comparisons, warnings) { AccountProjection = account.Count == 0 ? null : costModel.Account(account) };
    }

    /// <summary>One configuration's rows, warnings, share of the account projection, and sorted samples for the comparisons.</summary>
    private sealed record ConfigurationResult(
        List<ConfigurationSummary> Rows,
        List<string> Warnings,
        (string Architecture, long Invocations, decimal GbSecondsPerInvocation)? Account,
        ConfigurationComparer.Profile Comparable);

    /// <summary>One stratum's rows (warm, cold, and at a declared cold share the mix), its warnings, and its share of the account projection.</summary>
    private ConfigurationResult SummariseConfiguration(InvocationColumns columns, string configuration, string? workload, ConfigurationRows split)
    {
        var identity = ConfigurationIdentity.Of(columns, split.All);
        var stratum = workload is null ? $"configuration '{configuration}'" : $"configuration '{configuration}', workload '{workload}'";
        var warnings = Warnings(stratum, columns, split.All, identity).ToList();
        double? coldRate = split.Successful.Length > 0 ? (double)split.Cold.Length / split.Successful.Length : null;
        // The warm durations serve the overhead (in input order, as its resampling draws them) and then the warm row's statistics.
        var warmDurations = Values(columns.DurationMs, split.Warm);
        var coldTotals = split.Cold.Select(row => columns.DurationMs[row] + (columns.InitDurationMs(row) ?? 0) + (columns.RestoreDurationMs(row) ?? 0)).ToArray();
        var (overhead, overheadPercent, overheadCi) = Overhead(coldTotals, warmDurations);
        var costs = new StratumCost.GroupCost[2];
        var sorted = new double[2][];
        var rows = new List<ConfigurationSummary>(3);
        var rounds = new RoundStatistics?[2];
        foreach (var (i, startType, members, billed) in new[] { (0, StartTypeNames.Warm, split.Warm, split.AllWarm), (1, StartTypeNames.Cold, split.Cold, split.AllCold) })
        {
            costs[i] = stratumCost.Cost(columns, billed, identity);
            var durations = i == 0 ? warmDurations : Values(columns.DurationMs, members);
            var inits = Values(columns.InitDurationMsOrNaN, members);
            // Before the samples are sorted in place: the row's comparison metric (warm Duration, cold Init) by round.
            rounds[i] = RoundsOf(columns, i == 1 ? columns.InitDurationMsOrNaN : columns.DurationMs, members);
            rows.Add(Row(configuration, workload, startType, identity, SampleStatistics.ComputeInPlace(durations), SampleStatistics.ComputeInPlace(inits), costs[i]) with
            {
                Rounds = rounds[i],
                RoundMetric = rounds[i] is null ? null : i == 1 ? "init_duration_ms" : "duration_ms",
                MeanMaxMemoryUsedMb = MeanWithoutAbsent(columns.MaxMemoryUsedMbOrNaN, members),
                NotSuccessful = billed.Length - members.Length,
                Failures = FailureRates.Of(columns, billed),
            });
            // Sorted in place above: the warm durations and the cold starts' Init durations are the comparisons' samples.
            sorted[i] = i == 1 ? inits : durations;
        }

        // The stratum as a whole: its totals, which the mix row (every invocation, both start types) also reports.
        var totals = new StratumTotals(FailureRates.Of(columns, split.All), split.Successful.Length, MeanWithoutAbsent(columns.MaxMemoryUsedMbOrNaN, split.Successful), costs.Sum(c => c.Estimated));
        var account = costs[0];
        if (coldShare is { } share)
        {
            RadixSort.Sort(coldTotals);
            account = stratumCost.Mix(costs[0], costs[1], share, identity.Architecture);
            rows.Add(Row(configuration, workload, StartTypeNames.Mix, identity, MixtureStatistics.Compute(sorted[0], coldTotals, share), SampleStatistics.Empty, account) with
            {
                MeanMaxMemoryUsedMb = totals.MeanMaxMemoryUsedMb,
                NotSuccessful = split.All.Length - split.Successful.Length,
                Failures = totals.Failures,
            });
        }

        rows = rows.Select(r => r with
        {
            Totals = totals, ColdStartRate = r.StartType == StartTypeNames.Mix ? coldShare : coldRate,
            ColdStartOverheadMs = overhead, ColdStartOverheadCi95 = overheadCi, ColdStartOverheadPercent = overheadPercent,
        }).ToList();
        var comparable = new ConfigurationComparer.Profile(configuration, ConfigurationIdentity.Of(columns, split.Successful), sorted) { Workload = workload, Rounds = rounds };
        (string, long, decimal)? accountShare = account.MeanGbSeconds is { } g ? (identity.Architecture!, monthlyInvocations, g) : null;
        return new ConfigurationResult(rows, warnings, accountShare, comparable);
    }

    private ConfigurationSummary Row(string configuration, string? workload, string startType, ConfigurationIdentity identity, SampleStatistics duration, SampleStatistics init, StratumCost.GroupCost cost) => new()
    {
        Configuration = configuration,
        Workload = workload,
        StartType = startType,
        Runtime = identity.Runtime,
        Architecture = identity.Architecture,
        MemorySizeMb = identity.MemorySizeMb,
        Platform = identity.Platform,
        Duration = duration,
        InitDuration = init,
        MeanBilledDurationMs = cost.MeanBilledDurationMs,
        Failures = new FailureRates(0, 0, 0, 0),
        Totals = new StratumTotals(new FailureRates(0, 0, 0, 0), 0, null, 0),
        BilledDurationEstimated = cost.Estimated,
        CostPerInvocationUsd = cost.PerInvocation,
        CostPerMillionUsd = cost.PerInvocation * 1_000_000m,
        MonthlyInvocations = monthlyInvocations,
        MonthlyCostUsd = cost.Monthly?.TotalUsd,
        FargateBreakEvenRequestsPerMonth = startType == StartTypeNames.Warm ? BreakEven(identity, cost.MeanBilledDurationMs, duration.Mean) : null,
    };

    /// <summary>The default sizing's break-even (<see cref="FargateTaskSizing"/>), where the row is priced and Fargate has a price for its architecture.</summary>
    private decimal? BreakEven(ConfigurationIdentity identity, double? billedMs, double? serviceMs)
    {
        if (billedMs is not { } billed || serviceMs is not { } service || service <= 0 || identity.Architecture is not { } architecture || identity.MemorySizeMb is not { } memory
            || !costModel.Catalog.Fargate.Compute.TryGetValue(Architectures.Normalise(architecture), out var fargate) || fargate.UsdPerVcpuHour <= 0)
        {
            return null;
        }

        return new ContainerBreakEven(costModel.Catalog, new FargateTaskSizing(), withFreeTier: false).Find(string.Empty, architecture, memory, (decimal)billed, (decimal)service).RequestsPerMonth;
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
    private static (double? Overhead, double? Percent, ConfidenceInterval? Ci) Overhead(double[] coldTotals, double[] warmDurations)
    {
        if (coldTotals.Length == 0 || warmDurations.Length == 0)
        {
            return (null, null, null);
        }

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
}
