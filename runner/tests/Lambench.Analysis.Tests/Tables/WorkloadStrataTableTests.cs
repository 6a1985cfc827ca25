using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tests.Tables;

/// <summary>
/// What a reader sees of workload strata: every table names its rows configuration · workload and says why, the CSVs
/// carry a workload column, and the Methods paragraph says what was stratified, in both languages.
/// </summary>
public sealed class WorkloadStrataTableTests
{
    private static readonly PriceCatalog Prices = PriceCatalogLoader.Load();

    private static SummaryResult Summary()
    {
        var records = new List<InvocationRecord>();
        foreach (var runtime in new[] { "go", "python" })
        {
            foreach (var label in new[] { "sort-2k", "primes-5k" })
            {
                records.AddRange(Enumerable.Range(0, 6).Select(k => new InvocationRecord
                {
                    Configuration = $"{runtime}-x86_64", Runtime = runtime, Architecture = "x86_64", MemorySizeMb = 512, Platform = "local",
                    RequestId = $"{runtime}-{label}-{k}", DurationMs = 10 + k, BilledDurationMs = 11 + k, InitDurationMs = k == 0 ? 100 : null, Label = label,
                }));
            }
        }

        return new ConfigurationSummarizer(new LambdaCostModel(Prices)).Summarise(records);
    }

    [Theory]
    [InlineData("en", "A row is a configuration · workload")]
    [InlineData("pt-BR", "Cada linha é configuração · carga")]
    public void Every_table_names_its_rows_by_configuration_and_workload_and_says_so(string code, string note)
    {
        var tables = new ReportTableBuilder(ReportLanguage.Parse(code), Prices).Build(Summary());
        Assert.Equal(["latency", "failures", "cold-starts", "cost", "comparisons"], tables.Select(t => t.Id));
        Assert.All(tables, t => Assert.Contains(t.Legend, line => line.StartsWith(note, StringComparison.Ordinal)));
        var latencyNames = tables[0].Rows.Select(r => r[0]).Distinct().ToList();
        Assert.Equal(["go-x86_64 · primes-5k", "go-x86_64 · sort-2k", "python-x86_64 · primes-5k", "python-x86_64 · sort-2k"], latencyNames);
        // A comparison row names its baseline stratum and the one change: the candidate is the same workload.
        Assert.Equal(["go-x86_64 · primes-5k", "go-x86_64 · sort-2k"], tables.Single(t => t.Id == "comparisons").Rows.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal));
        Assert.All(tables.Single(t => t.Id == "comparisons").Rows, r => Assert.Equal("runtime: go → python", r[1]));
    }

    [Fact]
    public void The_csvs_carry_the_workload_and_the_methods_paragraph_names_the_strata()
    {
        var summary = Summary();
        var workload = SummaryCsvColumns.All.Single(c => c.Name == "workload").Value;
        Assert.Equal(["primes-5k", "sort-2k"], summary.Rows.Select(r => workload(r).Text).Distinct().Order(StringComparer.Ordinal));
        var comparisonWorkload = ComparisonCsvColumns.All.Single(c => c.Name == "workload").Value;
        Assert.Equal(["primes-5k", "sort-2k"], summary.Comparisons.Select(c => comparisonWorkload(c).Text).Distinct().Order(StringComparer.Ordinal));

        var english = string.Join(" ", MethodsParagraph.Sentences(summary, Prices, ReportLanguage.English));
        Assert.Contains("invocations of 2 configuration(s) in 4 configuration × workload strata (", english);
        Assert.Contains("ran 2 workload(s) (primes-5k, sort-2k", english);
        Assert.Contains("go-x86_64 · sort-2k: n = 6", english);
        var portuguese = string.Join(" ", MethodsParagraph.Sentences(summary, Prices, ReportLanguage.BrazilianPortuguese));
        Assert.Contains("de 2 configuração(ões) em 4 estratos configuração × carga (", portuguese);
        Assert.Contains("executou 2 carga(s) (primes-5k, sort-2k", portuguese);
    }
}
