using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Core.Tests.Summary;

/// <summary>
/// A configuration's workloads (batch labels) are strata: each (configuration, workload) has its own rows, and
/// configurations are compared only within one workload. Expected n, means and medians come from grouping the records
/// directly with LINQ and computing the statistics by hand here, not from the summarizer's columnar grouping.
/// </summary>
public sealed class WorkloadStrataTests
{
    private static readonly ConfigurationSummarizer Summarizer = new(new LambdaCostModel(PriceCatalogLoader.Load()));

    /// <summary>Two runtimes × two workloads, warm and cold, one error; durations differ by workload tenfold.</summary>
    private static List<InvocationRecord> Records()
    {
        var records = new List<InvocationRecord>();
        var i = 0;
        foreach (var (runtime, scale) in new[] { ("go", 1.0), ("python", 1.5) })
        {
            foreach (var (label, work) in new[] { ("sort-2k", 10.0), ("primes-5k", 100.0) })
            {
                for (var k = 0; k < 12; k++)
                {
                    var cold = k < 2;
                    records.Add(new InvocationRecord
                    {
                        Configuration = $"{runtime}-x86_64", Runtime = runtime, Architecture = "x86_64", MemorySizeMb = 512, Platform = "local",
                        RequestId = $"r{i++}", DurationMs = work * scale + k, BilledDurationMs = Math.Ceiling(work * scale + k),
                        InitDurationMs = cold ? 200 + k : null, Label = label, BatchId = $"b-{label}", Repetition = k,
                        Status = runtime == "python" && label == "primes-5k" && k == 11 ? InvocationStatus.Error : InvocationStatus.Success,
                    });
                }
            }
        }

        return records;
    }

    [Fact]
    public void Each_configuration_and_workload_has_its_own_rows_with_its_own_statistics()
    {
        var records = Records();
        var summary = Summarizer.Summarise(records);

        var expected = records.GroupBy(r => (r.Configuration, r.Label)).OrderBy(g => g.Key.Configuration, StringComparer.Ordinal).ThenBy(g => g.Key.Label, StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count * 2, summary.Rows.Count);
        foreach (var stratum in expected)
        {
            var rows = summary.Rows.Where(r => r.Configuration == stratum.Key.Configuration && r.Workload == stratum.Key.Label).ToDictionary(r => r.StartType);
            var warm = stratum.Where(r => r.Status == InvocationStatus.Success && r.InitDurationMs is null).Select(r => r.DurationMs).ToList();
            var cold = stratum.Where(r => r.Status == InvocationStatus.Success && r.InitDurationMs is not null).ToList();
            Assert.Equal(warm.Count, rows["warm"].Duration.N);
            Assert.Equal(warm.Average(), rows["warm"].Duration.Mean!.Value, 9);
            Assert.Equal(cold.Count, rows["cold"].Duration.N);
            // The overhead of this stratum alone: mean(Duration + Init) of its cold starts minus its warm mean.
            Assert.Equal(cold.Average(r => r.DurationMs + r.InitDurationMs!.Value) - warm.Average(), rows["warm"].ColdStartOverheadMs!.Value, 9);
            Assert.Equal(stratum.Count(), rows["cold"].Totals.Failures.Invocations);
            Assert.Equal($"{stratum.Key.Configuration} · {stratum.Key.Label}", rows["warm"].Stratum);
        }

        // python primes-5k: warm durations 152..160 (k = 2..10; k = 11 failed), median 156 by hand.
        Assert.Equal(156.0, summary.Rows.Single(r => r.Stratum == "python-x86_64 · primes-5k" && r.StartType == "warm").Duration.P50!.Value, 9);
        Assert.Equal(1, summary.Rows.Single(r => r.Stratum == "python-x86_64 · primes-5k" && r.StartType == "warm").Totals.Failures.Errors);
    }

    [Fact]
    public void Configurations_are_compared_within_a_workload_never_across()
    {
        var comparisons = Summarizer.Summarise(Records()).Comparisons;
        Assert.NotEmpty(comparisons);
        Assert.Equal(["primes-5k", "sort-2k"], comparisons.Select(c => c.Workload!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(comparisons, c => Assert.Equal(("go-x86_64", "python-x86_64", "runtime"), (c.Baseline, c.Candidate, c.Factor)));
        // Within sort-2k, warm (k = 2..11): go 12..21, python 17..26: medians 16.5 and 21.5 by hand.
        var warm = comparisons.Single(c => c.Workload == "sort-2k" && c.StartType == "warm");
        Assert.Equal((16.5, 21.5), (warm.BaselineMedian, warm.CandidateMedian));
    }

    [Fact]
    public void Rows_without_a_label_are_a_stratum_of_their_own_and_unlabelled_data_is_unchanged()
    {
        var records = Records().Select((r, i) => i % 24 < 12 ? r : r with { Label = null, BatchId = null }).ToList();
        var summary = Summarizer.Summarise(records);
        Assert.Equal([null, "sort-2k"], summary.Rows.Where(r => r.Configuration == "go-x86_64" && r.StartType == "warm").Select(r => r.Workload));

        var unlabelled = Summarizer.Summarise(Records().Select(r => r with { Label = null, BatchId = null, Repetition = null }).ToList());
        Assert.All(unlabelled.Rows, r => Assert.Null(r.Workload));
        Assert.Equal(2 * 2, unlabelled.Rows.Count);
    }
}
