using Lambench.Analysis.Figures;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>
/// Writes a complete report from invocations: summary.csv and comparisons.csv (invariant, rounded as CsvCell says; with
/// pt-BR also decimal-comma copies) and report.xlsx, every table
/// as Markdown, HTML and LaTeX, the Methods paragraph in English and Portuguese (Markdown and LaTeX), figures as JSON,
/// SVG and PNG, and index.html showing all of it.
/// </summary>
public sealed class ReportWriter(PriceCatalog prices, TimeProvider? time = null)
{
    public async Task<ReportOutcome> WriteAsync(IReadOnlyList<InvocationRecord> invocations, IReadOnlyList<string> inputs, ReportOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        var output = options.OutputDirectory;
        Directory.CreateDirectory(output);

        progress?.Report("Computing statistics and costs");
        var summary = RunCollections.Load(inputs).AddTo(new ConfigurationSummarizer(new LambdaCostModel(prices), options.MonthlyInvocations, options.ColdShare).Summarise(invocations));

        var warnings = summary.Warnings.ToList();

        // Chromium's export takes seconds whatever the data: it runs while the tables and the Methods paragraph are written.
        progress?.Report("Building figures");
        var figures = new ReportFigureBuilder(options.Language, prices).Build(summary, invocations).ToList();
        // What a run adds: a load's requests and the functions' DynamoDB operations, read from the files beside its invocations.
        var extras = ReportExtras.Read(inputs, invocations, options.Language, (time ?? TimeProvider.System).GetUtcNow());
        figures.AddRange(extras.Figures);

        var exporting = FigureFiles.WriteAsync(figures, Path.Combine(output, "figures"), options.StaticFigures, options.ChromiumPath, progress, cancellation, options.Chromium);

        var sheets = DataFileWriter.Sheets(summary).Concat(extras.Sheets).ToList();
        progress?.Report($"Writing {string.Join(", ", sheets.Select(s => s.Name + ".csv"))}{(options.Language.IsPortuguese ? " (and pt-BR copies)" : string.Empty)} and report.xlsx");
        var dataFiles = DataFileWriter.Write(sheets, output, options.Language);
        var written = new List<string>(dataFiles);
        var source = TableSources.Of(options.Language, inputs, (time ?? TimeProvider.System).GetUtcNow());
        var tables = WriteTablesAndMethods(summary, extras, output, options, source, progress, written);
        foreach (var figure in figures)
        {
            var snippet = Path.Combine(output, "figures", figure.Id + ".tex");
            AtomicFile.WriteAllText(snippet, FigureLatexSnippet.Export(figure, options.LabelPrefix, source));
            written.Add(snippet);
        }

        var figureFiles = await exporting;
        written.AddRange(figureFiles.Files);
        var staticFiles = figureFiles.StaticWritten;
        if (figureFiles.Warning is { } skipped)
        {
            warnings.Add($"{skipped}. The interactive figures in index.html are complete.");
        }

        progress?.Report("Writing index.html");
        var index = Path.Combine(output, "index.html");
        AtomicFile.WriteAllText(index, IndexPageWriter.Render(options.Language, tables, figures, staticFiles, inputs, warnings, dataFiles.Select(f => Path.GetFileName(f)).ToList()));
        written.Add(index);
        return new ReportOutcome(summary, written, warnings);
    }

    /// <summary>Every table in three formats and the Methods paragraph in both languages; the tables, for index.html.</summary>
    private IReadOnlyList<ReportTable> WriteTablesAndMethods(SummaryResult summary, ReportExtras extras, string output, ReportOptions options, TableSource source, IProgress<string>? progress, List<string> written)
    {
        var reportLanguage = options.Language;
        progress?.Report("Writing tables (Markdown, HTML, LaTeX)");
        var tables = new ReportTableBuilder(reportLanguage, prices).Build(summary).Select(t => t with { Source = source }).Concat(extras.Tables).ToList();
        ITableExporter[] exporters = [new MarkdownTableExporter(), new HtmlTableExporter(), new LatexTableExporter(options.LabelPrefix)];
        foreach (var table in tables)
        {
            foreach (var exporter in exporters)
            {
                var path = Path.Combine(output, "tables", table.Id + exporter.Extension);
                AtomicFile.WriteAllText(path, exporter.Export(table));
                written.Add(path);
            }
        }

        progress?.Report("Writing the Methods paragraph (English and Portuguese, Markdown and LaTeX)");
        foreach (var language in new[] { ReportLanguage.English, ReportLanguage.BrazilianPortuguese })
        {
            var sentences = MethodsParagraph.Sentences(summary, prices, language, extras.Operations);
            var markdown = Path.Combine(output, $"methods.{language.Code}.md");
            var latex = Path.Combine(output, $"methods.{language.Code}.tex");
            AtomicFile.WriteAllText(markdown, string.Join(' ', sentences) + "\n");
            AtomicFile.WriteAllText(latex, "% Generated by lambench report: paste into the thesis's Methods section.\n" + string.Join(' ', sentences.Select(LatexTableExporter.Escape)) + "\n");
            written.Add(markdown);
            written.Add(latex);
        }

        return tables;
    }
}
