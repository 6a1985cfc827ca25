using System.Globalization;
using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Compares every pair of configurations that differ in exactly one of runtime, architecture and memory size, within
/// one workload (batch label) and platform:
/// warm durations and the Init duration of cold starts (never the two pooled, nor the declared mix): a two-sided Mann-Whitney U test, Cliff's delta, and
/// a percentile bootstrap interval for the ratio of medians.
/// </summary>
public static class ConfigurationComparer
{
    public const int BootstrapResamples = 2000;
    public const int BootstrapSeed = 20_240_601;
    public static readonly string RatioMethod = $"percentile bootstrap, {BootstrapResamples} resamples, fixed seed";

    public static IReadOnlyList<ConfigurationComparison> CompareAll(IReadOnlyList<(string Name, IReadOnlyList<InvocationRecord> Rows)> configurations)
    {
        // Everything about a configuration is computed once, not once per pair it takes part in.
        var profiles = new Profile[configurations.Count];
        Parallel.For(0, configurations.Count, i => profiles[i] = Profile.Of(configurations[i].Name, configurations[i].Rows));
        return CompareAll(profiles);
    }

    /// <summary>Compares configurations whose samples are already sorted (the summarizer sorts them for its statistics).</summary>
    internal static IReadOnlyList<ConfigurationComparison> CompareAll(IReadOnlyList<Profile> profiles)
    {
        var work = new List<Func<ConfigurationComparison>>();
        for (var i = 0; i < profiles.Count; i++)
        {
            for (var j = i + 1; j < profiles.Count; j++)
            {
                if (DifferingFactor(profiles[i], profiles[j]) is not { } factor)
                {
                    continue;
                }

                // The baseline is the smaller value in ordinal order (arm64 before x86_64, go before python, 128 before 1024 numerically).
                var baselineFirst = Compare(factor.A, factor.B, factor.Name) <= 0;
                var (a, b) = baselineFirst ? (profiles[i], profiles[j]) : (profiles[j], profiles[i]);
                var (baselineValue, candidateValue) = baselineFirst ? (factor.A, factor.B) : (factor.B, factor.A);
                for (var m = 0; m < Metrics.Length; m++)
                {
                    var (startType, metric) = Metrics[m];
                    var x = a.SortedMetrics[m];
                    var y = b.SortedMetrics[m];
                    if (x.Length >= 2 && y.Length >= 2)
                    {
                        var rounds = a.Rounds[m] is { } ra && b.Rounds[m] is { } rb ? PairedRoundRatio.Compute(ra.PerRound, rb.PerRound) : null;
                        work.Add(() => CompareSorted(a.Name, b.Name, factor.Name, baselineValue, candidateValue, startType, metric, x, y) with { Workload = a.Workload, AcrossRounds = rounds });
                    }
                }
            }
        }

        // Each comparison is independent and deterministic (fixed seed): computed in parallel, listed in a fixed order.
        var comparisons = new ConfigurationComparison[work.Count];
        Parallel.For(0, work.Count, k => comparisons[k] = work[k]());
        // Many pairs and metrics are tested at once: every p-value is also given adjusted over the whole family.
        var adjusted = HolmAdjustment.Adjust(comparisons.Select(c => c.MannWhitneyPValue).ToList());
        return comparisons.Select((c, k) => c with { HolmAdjustedPValue = adjusted[k] }).ToList();
    }

    // Never warm and cold pooled: a pooled sample's cold share is whatever the protocol forced, and differs between configurations
    // whose cold starts or failures differ, so a difference there would be the mix's, not the factor's.
    private static readonly (string StartType, string Metric)[] Metrics =
    [
        (StartTypeNames.Warm, "duration_ms"),
        (StartTypeNames.Cold, "init_duration_ms"),
    ];

    /// <summary>A configuration's identity and its metric samples, sorted, in <see cref="Metrics"/> order.</summary>
    internal sealed record Profile(string Name, ConfigurationIdentity Identity, double[][] SortedMetrics)
    {
        /// <summary>The stratum's workload (batch label): configurations are compared within one workload, never across.</summary>
        public string? Workload { get; init; }

        /// <summary>Per metric (in <see cref="Metrics"/> order), the round statistics of a replicated run; null entries where there are none.</summary>
        public RoundStatistics?[] Rounds { get; init; } = [null, null];

        public static Profile Of(string name, IReadOnlyList<InvocationRecord> rows)
        {
            var warm = new List<double>(rows.Count);
            var init = new List<double>();
            foreach (var row in rows)
            {
                if (row.StartType == StartType.Warm)
                {
                    warm.Add(row.DurationMs);
                }

                if (row.InitDurationMs is { } i)
                {
                    init.Add(i);
                }
            }

            double[] Sorted(List<double> values)
            {
                var array = values.ToArray();
                RadixSort.Sort(array);
                return array;
            }

            return new Profile(name, ConfigurationIdentity.Of(rows), [Sorted(warm), Sorted(init)]);
        }
    }

    public static ConfigurationComparison Compare(string baseline, string candidate, string factor, string baselineValue, string candidateValue, string startType, string metric, double[] x, double[] y)
    {
        var sortedX = (double[])x.Clone();
        var sortedY = (double[])y.Clone();
        RadixSort.Sort(sortedX);
        RadixSort.Sort(sortedY);
        return CompareSorted(baseline, candidate, factor, baselineValue, candidateValue, startType, metric, sortedX, sortedY);
    }

    private static ConfigurationComparison CompareSorted(string baseline, string candidate, string factor, string baselineValue, string candidateValue, string startType, string metric, double[] sortedX, double[] sortedY)
    {
        var test = MannWhitneyTest.TestSorted(sortedY, sortedX);
        var medianX = Percentiles.Linear(sortedX, 50);
        var medianY = Percentiles.Linear(sortedY, 50);
        return new ConfigurationComparison
        {
            Baseline = baseline,
            Candidate = candidate,
            Factor = factor,
            BaselineValue = baselineValue,
            CandidateValue = candidateValue,
            StartType = startType,
            Metric = metric,
            BaselineN = sortedX.Length,
            CandidateN = sortedY.Length,
            BaselineMedian = medianX,
            CandidateMedian = medianY,
            MedianRatio = medianX > 0 ? medianY / medianX : null,
            MedianRatioCi95 = medianX > 0 && sortedX.Length >= MinimumSampleSizes.BootstrapRatioPerSide && sortedY.Length >= MinimumSampleSizes.BootstrapRatioPerSide
                ? BootstrapRatioOfMedians(sortedX, sortedY)
                : null,
            MannWhitneyU = test.U,
            MannWhitneyPValue = test.PValue,
            CliffsDelta = CliffsDelta(sortedY, sortedX),
        };
    }

    /// <summary>(#(y &gt; x) − #(y &lt; x)) / (n·m), counted with two sorted arrays in O(n + m).</summary>
    public static double CliffsDelta(double[] sortedCandidate, double[] sortedBaseline)
    {
        long greater = 0, less = 0;
        int lowerBound = 0, upperBound = 0;
        foreach (var y in sortedCandidate)
        {
            while (lowerBound < sortedBaseline.Length && sortedBaseline[lowerBound] < y)
            {
                lowerBound++;
            }

            while (upperBound < sortedBaseline.Length && sortedBaseline[upperBound] <= y)
            {
                upperBound++;
            }

            greater += lowerBound;
            less += sortedBaseline.Length - upperBound;
        }

        return (double)(greater - less) / ((long)sortedCandidate.Length * sortedBaseline.Length);
    }

    private static ConfidenceInterval? BootstrapRatioOfMedians(double[] sortedX, double[] sortedY)
    {
        var random = new Random(BootstrapSeed);
        var ratios = new double[BootstrapResamples];
        var valid = 0;
        for (var r = 0; r < BootstrapResamples; r++)
        {
            var mx = ResampledMedian(sortedX, random);
            var my = ResampledMedian(sortedY, random);
            if (mx > 0)
            {
                ratios[valid++] = my / mx;
            }
        }

        if (valid < BootstrapResamples / 2)
        {
            return null;
        }

        var sorted = ratios[..valid];
        Array.Sort(sorted);
        return new ConfidenceInterval(Percentiles.Linear(sorted, 2.5), Percentiles.Linear(sorted, 97.5), 0.95);
    }

    /// <summary>
    /// The median (type 7) of one bootstrap resample of <paramref name="sorted"/>, drawn without building the resample.
    /// A draw is sorted[floor(U·n)] for a uniform U, a monotone map, so the resample's k-th smallest value is
    /// sorted[floor(U(k)·n)] with U(k) ~ Beta(k, n−k+1); the (k+1)-th is the smallest of the other n−k uniforms above
    /// U(k). Same distribution as resampling n values and sorting them, in O(1) instead of O(n log n).
    /// </summary>
    internal static double ResampledMedian(double[] sorted, Random random)
    {
        var n = sorted.Length;
        var h = (n - 1) * 0.5;
        var lower = (int)Math.Floor(h);
        var fraction = h - lower;
        var k = lower + 1;
        var uk = MathNet.Numerics.Distributions.Beta.Sample(random, k, n - k + 1);
        var a = sorted[Math.Min(n - 1, (int)(uk * n))];
        if (fraction == 0)
        {
            return a;
        }

        var next = uk + (1 - uk) * (1 - Math.Pow(random.NextDouble(), 1.0 / (n - k)));
        var b = sorted[Math.Min(n - 1, (int)(next * n))];
        return a + fraction * (b - a);
    }

    private static (string Name, string A, string B)? DifferingFactor(Profile a, Profile b)
    {
        if (a.Workload != b.Workload)
        {
            return null; // different work: a difference in latency would be the workload's, not the factor's
        }

        if (!a.Identity.IsComparable || !b.Identity.IsComparable)
        {
            return null; // a configuration mixing runtimes, architectures, memory sizes or platforms is not one side of a one-factor comparison
        }

        if (a.Identity.Platform != b.Identity.Platform)
        {
            return null; // local timings are this machine's: never compared with AWS's, whatever else differs
        }

        static string? Memory(ConfigurationIdentity identity) => identity.MemorySizeMb?.ToString(CultureInfo.InvariantCulture);
        var differing = new List<(string, string, string)>();
        foreach (var (name, va, vb) in new[] { ("runtime", a.Identity.Runtime, b.Identity.Runtime), ("architecture", a.Identity.Architecture, b.Identity.Architecture), ("memory_size_mb", Memory(a.Identity), Memory(b.Identity)) })
        {
            if (va == vb)
            {
                continue;
            }

            if (va is null || vb is null)
            {
                return null; // unknown on one side: not a one-factor comparison
            }

            differing.Add((name, va, vb));
        }

        return differing.Count == 1 ? differing[0] : null;
    }

    private static int Compare(string a, string b, string factor) =>
        factor == "memory_size_mb"
            ? int.Parse(a, CultureInfo.InvariantCulture).CompareTo(int.Parse(b, CultureInfo.InvariantCulture))
            : string.CompareOrdinal(a, b);
}
