using Lambench.Analysis.Figures;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>
/// Writes a complete report from invocations: summary.csv and comparisons.csv (invariant, full precision), every table
/// as Markdown, HTML and LaTeX, figures as JSON, SVG and PNG, and index.html showing all of it.
/// </summary>
public sealed class ReportWriter(PriceCatalog prices)
{
    public async Task<ReportOutcome> WriteAsync(IReadOnlyList<InvocationRecord> invocations, IReadOnlyList<string> inputs, ReportOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        var written = new List<string>();
        var output = options.OutputDirectory;
        Directory.CreateDirectory(output);

        progress?.Report("Computing statistics and costs");
        var summary = new ConfigurationSummarizer(new LambdaCostModel(prices), options.MonthlyInvocations).Summarise(invocations);
        var warnings = summary.Warnings.ToList();

        progress?.Report("Writing summary.csv and comparisons.csv");
        written.Add(WriteCsv(Path.Combine(output, "summary.csv"), SummaryCsvColumns.All, summary.Rows));
        written.Add(WriteCsv(Path.Combine(output, "comparisons.csv"), ComparisonCsvColumns.All, summary.Comparisons));

        progress?.Report("Writing tables (Markdown, HTML, LaTeX)");
        var tables = new ReportTableBuilder(options.Language, prices).Build(summary);
        ITableExporter[] exporters = [new MarkdownTableExporter(), new HtmlTableExporter(), new LatexTableExporter()];
        foreach (var table in tables)
        {
            foreach (var exporter in exporters)
            {
                var path = Path.Combine(output, "tables", table.Id + exporter.Extension);
                AtomicFile.WriteAllText(path, exporter.Export(table));
                written.Add(path);
            }
        }

        progress?.Report("Building figures");
        var figures = new ReportFigureBuilder(options.Language, prices).Build(summary, invocations);
        var figureFiles = await FigureFiles.WriteAsync(figures, Path.Combine(output, "figures"), options.StaticFigures, options.ChromiumPath, progress, cancellation);
        written.AddRange(figureFiles.Files);
        var staticFiles = figureFiles.StaticWritten;
        if (figureFiles.ChromiumMissing)
        {
            warnings.Add($"SVG and PNG figures skipped: {FigureFiles.NoChromium}. The interactive figures in index.html are complete.");
        }

        progress?.Report("Writing index.html");
        var index = Path.Combine(output, "index.html");
        AtomicFile.WriteAllText(index, IndexPageWriter.Render(options.Language, tables, figures, staticFiles, inputs, warnings));
        written.Add(index);
        return new ReportOutcome(summary, written, warnings);
    }

    private static string WriteCsv<T>(string path, IReadOnlyList<(string Name, Func<T, string> Value)> columns, IEnumerable<T> rows)
    {
        AtomicFile.Write(path, writer => ColumnCsvWriter.Write(writer, columns, rows));
        return path;
    }
}
