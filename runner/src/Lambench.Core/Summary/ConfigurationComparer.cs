using System.Globalization;
using Lambench.Core.Records;
using Lambench.Core.Statistics;

namespace Lambench.Core.Summary;

/// <summary>
/// Compares every pair of configurations that differ in exactly one of runtime, architecture and memory size:
/// warm and all durations, and the Init duration of cold starts: a two-sided Mann-Whitney U test, Cliff's delta, and
/// a percentile bootstrap interval for the ratio of medians.
/// </summary>
public static class ConfigurationComparer
{
    public const int BootstrapResamples = 2000;
    public const int BootstrapSeed = 20_240_601;
    public const string RatioMethod = "percentile bootstrap, 2000 resamples, fixed seed";

    public static IReadOnlyList<ConfigurationComparison> CompareAll(IReadOnlyList<(string Name, IReadOnlyList<InvocationRecord> Rows)> configurations)
    {
        var comparisons = new List<ConfigurationComparison>();
        for (var i = 0; i < configurations.Count; i++)
        {
            for (var j = i + 1; j < configurations.Count; j++)
            {
                if (DifferingFactor(configurations[i].Rows, configurations[j].Rows) is not { } factor)
                {
                    continue;
                }

                // The baseline is the smaller value in ordinal order (arm64 before x86_64, go before python, 128 before 1024 numerically).
                var (a, b) = Compare(factor.A, factor.B, factor.Name) <= 0 ? (configurations[i], configurations[j]) : (configurations[j], configurations[i]);
                var (baselineValue, candidateValue) = Compare(factor.A, factor.B, factor.Name) <= 0 ? (factor.A, factor.B) : (factor.B, factor.A);
                foreach (var (startType, metric, select) in Metrics)
                {
                    var x = select(a.Rows);
                    var y = select(b.Rows);
                    if (x.Length < 2 || y.Length < 2)
                    {
                        continue;
                    }

                    comparisons.Add(Compare(a.Name, b.Name, factor.Name, baselineValue, candidateValue, startType, metric, x, y));
                }
            }
        }

        return comparisons;
    }

    private static readonly (string StartType, string Metric, Func<IReadOnlyList<InvocationRecord>, double[]> Select)[] Metrics =
    [
        (StartTypeNames.All, "duration_ms", rows => rows.Select(r => r.DurationMs).ToArray()),
        (StartTypeNames.Warm, "duration_ms", rows => rows.Where(r => r.StartType == StartType.Warm).Select(r => r.DurationMs).ToArray()),
        (StartTypeNames.Cold, "init_duration_ms", rows => rows.Where(r => r.InitDurationMs is not null).Select(r => r.InitDurationMs!.Value).ToArray()),
    ];

    public static ConfigurationComparison Compare(string baseline, string candidate, string factor, string baselineValue, string candidateValue, string startType, string metric, double[] x, double[] y)
    {
        var test = MannWhitneyTest.Test(y, x);
        var sortedX = x.Order().ToArray();
        var sortedY = y.Order().ToArray();
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
            BaselineN = x.Length,
            CandidateN = y.Length,
            BaselineMedian = medianX,
            CandidateMedian = medianY,
            MedianRatio = medianX > 0 ? medianY / medianX : null,
            MedianRatioCi95 = medianX > 0 ? BootstrapRatioOfMedians(sortedX, sortedY) : null,
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

    private static (string Name, string A, string B)? DifferingFactor(IReadOnlyList<InvocationRecord> a, IReadOnlyList<InvocationRecord> b)
    {
        static string? One(IReadOnlyList<InvocationRecord> rows, Func<InvocationRecord, string?> select)
        {
            var values = rows.Select(select).Distinct().ToList();
            return values.Count == 1 ? values[0] : null;
        }

        var factors = new (string Name, Func<InvocationRecord, string?> Select)[]
        {
            ("runtime", r => r.Runtime),
            ("architecture", r => r.Architecture),
            ("memory_size_mb", r => r.MemorySizeMb?.ToString(CultureInfo.InvariantCulture)),
        };
        var differing = new List<(string, string, string)>();
        foreach (var (name, select) in factors)
        {
            var va = One(a, select);
            var vb = One(b, select);
            if (va == vb)
            {
                continue;
            }

            if (va is null || vb is null)
            {
                return null; // unknown or mixed on one side: not a one-factor comparison
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
