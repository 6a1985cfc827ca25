using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Tests.Shared;

namespace Lambench.Analysis.Tests.Report;

[Trait("Tier", "system")] // headless Chromium
public class ReportWriterTests
{
    [Fact]
    public async Task Writes_a_complete_self_contained_report()
    {
        var directory = Directory.CreateTempSubdirectory("lambench-report-").FullName;
        try
        {
            var invocations = InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv);
            var steps = new List<string>();
            var outcome = await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(
                invocations, ["data/sample/invocations.csv"], new ReportOptions { OutputDirectory = directory }, new SynchronousProgress(steps));

            // Figures are built right after the statistics, so that Chromium exports them while the tables are written.
            Assert.Equal(["Computing statistics and costs", "Building figures", "Exporting 8 figures to SVG and PNG with headless Chromium", "Writing summary.csv, comparisons.csv and report.xlsx", "Writing tables (Markdown, HTML, LaTeX)", "Writing the Methods paragraph (English and Portuguese, Markdown and LaTeX)", "Writing index.html"], steps);
            foreach (var file in new[] { "summary.csv", "comparisons.csv", "index.html", "tables/latency.tex", "tables/cost.md", "methods.en.md", "methods.pt-BR.tex", "figures/percentiles.json", "figures/percentiles.svg", "figures/cost.png", "figures/ecdf.svg", "figures/histogram.pdf", "figures/drift.tex", "figures/price-performance.png" })
            {
                Assert.True(File.Exists(Path.Combine(directory, file)), file + " missing");
            }

            var summary = File.ReadAllLines(Path.Combine(directory, "summary.csv"));
            // What the row is first, then its statistics.
            Assert.StartsWith("configuration,workload,start_type,runtime,architecture,memory_size_mb,platform,n,mean_duration_ms,sd_duration_ms,min_duration_ms,p50_duration_ms,", summary[0]);
            Assert.Equal(3, summary.Length); // warm and cold: no pooled row
            Assert.StartsWith("order-processor-lambda,,warm,provided.al2,x86_64,512,aws,5,3003.128,", summary[1]);
            Assert.False(File.Exists(Path.Combine(directory, "rounds.csv"))); // one session, no rounds

            var index = await File.ReadAllTextAsync(Path.Combine(directory, "index.html"));
            Assert.Equal(1, Occurrences(index, PlotlyScript.InlineSource[..200])); // plotly.js embedded once
            Assert.DoesNotContain("<script src=", index);
            Assert.Equal(8, Occurrences(index, "Plotly.newPlot('fig-")); // no cost-against-p95 (the sample is too small for a p95) and no grid (one configuration)
            Assert.Contains("Invocation duration per configuration and start type", index);
            Assert.Empty(outcome.Warnings);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task A_chromium_that_fails_leaves_a_complete_index_html_and_says_why()
    {
        var directory = Directory.CreateTempSubdirectory("lambench-report-").FullName;
        try
        {
            // /bin/false stands for a Chromium that exits with an error at once.
            var outcome = await new ReportWriter(PriceCatalogLoader.Load()).WriteAsync(
                InvocationCsvReader.ReadFile(RepositoryPaths.SampleCsv), ["data/sample/invocations.csv"], new ReportOptions { OutputDirectory = directory, ChromiumPath = "/bin/false" });
            Assert.True(File.Exists(Path.Combine(directory, "index.html")));
            Assert.False(File.Exists(Path.Combine(directory, "figures", "percentiles.svg")));
            Assert.True(File.Exists(Path.Combine(directory, "figures", "percentiles.json")));
            var warning = Assert.Single(outcome.Warnings);
            Assert.StartsWith("SVG and PNG figures skipped: /bin/false: ", warning);
            Assert.EndsWith("The interactive figures in index.html are complete.", warning);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private sealed class SynchronousProgress(List<string> steps) : IProgress<string>
    {
        public void Report(string value) => steps.Add(value);
    }
}
