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
        // A load spec's run: the figures and the loads table of its requests (requests.csv beside its invocations).
        var requestsCsv = inputs.Select(Load.ClientRequestsFile.Beside).OfType<string>().FirstOrDefault();
        var requests = requestsCsv is null ? [] : Load.ClientRequestsFile.Read(requestsCsv);
        var loads = Load.LoadStepSummary.Of(requests);
        if (requestsCsv is not null)
        {
            figures.AddRange(LoadFigures(requestsCsv, requests, options.Language));
        }

        // The DynamoDB operations the functions timed (operations.csv beside each invocations file).
        var operations = inputs.Select(OperationCsvFile.PathBeside).Where(File.Exists).SelectMany(OperationCsvFile.Read).ToList();
        var operationSummaries = Operations.OperationSummary.Of(operations, invocations);
        figures.AddRange(new Operations.OperationFigureBuilder(options.Language).Build(operations, invocations));

        var exporting = FigureFiles.WriteAsync(figures, Path.Combine(output, "figures"), options.StaticFigures, options.ChromiumPath, progress, cancellation, options.Chromium);

        var sheets = DataFileWriter.Sheets(summary).ToList();
        if (loads.Count > 0)
        {
            sheets.Add(DataSheet.Of("loads", LoadCsvColumns.All, loads));
        }

        if (operationSummaries.Count > 0)
        {
            sheets.Add(DataSheet.Of("operation_latency", OperationCsvColumns.All, operationSummaries));
        }

        progress?.Report($"Writing {string.Join(", ", sheets.Select(s => s.Name + ".csv"))}{(options.Language.IsPortuguese ? " (and pt-BR copies)" : string.Empty)} and report.xlsx");
        var dataFiles = DataFileWriter.Write(sheets, output, options.Language);
        var written = new List<string>(dataFiles);
        var source = TableSources.Of(options.Language, inputs, (time ?? TimeProvider.System).GetUtcNow());
        // The loads table's numbers come from requests.csv, and its source line says so.
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var moreTables = new List<ReportTable>();
        if (loads.Count > 0)
        {
            moreTables.Add(new LoadTableBuilder(options.Language).Build(loads) with { Source = TableSources.Of(options.Language, [requestsCsv!], now) });
        }

        if (operationSummaries.Count > 0)
        {
            // Its numbers come from operations.csv, joined with the invocations for the share of Duration.
            moreTables.Add(new OperationTableBuilder(options.Language).Build(operationSummaries) with { Source = TableSources.Of(options.Language, [.. inputs.Select(OperationCsvFile.PathBeside).Where(File.Exists), .. inputs], now) });
        }

        var tables = WriteTablesAndMethods(summary, moreTables, output, options, source, progress, written);
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

    private static IEnumerable<ReportFigure> LoadFigures(string requestsCsv, IReadOnlyList<Load.ClientRequest> requests, ReportLanguage language)
    {
        var builder = new Load.LoadFigureBuilder(language);
        var queues = Load.QueueDepthFile.Beside(requestsCsv)
            .Select(q => (Series: requests.FirstOrDefault(r => r.BatchId.StartsWith(q.Key + "-r", StringComparison.Ordinal)) is { } first ? Load.LoadFigureBuilder.SeriesOf(first) : q.Key, Samples: Load.QueueDepthFile.Read(q.Value)))
            .ToList();
        return [.. builder.Build(requests), .. builder.QueueDepth(queues) is { } depth ? [depth] : Array.Empty<ReportFigure>()];
    }

    /// <summary>Every table in three formats and the Methods paragraph in both languages; the tables, for index.html.</summary>
    private IReadOnlyList<ReportTable> WriteTablesAndMethods(SummaryResult summary, IReadOnlyList<ReportTable> more, string output, ReportOptions options, TableSource source, IProgress<string>? progress, List<string> written)
    {
        var reportLanguage = options.Language;
        progress?.Report("Writing tables (Markdown, HTML, LaTeX)");
        var tables = new ReportTableBuilder(reportLanguage, prices).Build(summary).Select(t => t with { Source = source }).Concat(more).ToList();
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
            var sentences = MethodsParagraph.Sentences(summary, prices, language);
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
