using Lambench.Analysis.Figures;
using Lambench.Analysis.Load;
using Lambench.Analysis.Operations;
using Lambench.Analysis.Tables;
using Lambench.Core.Csv;
using Lambench.Core.Records;

namespace Lambench.Analysis.Report;

/// <summary>
/// What a run adds to its invocations' report, from the files beside them: a load spec's requests (requests.csv, and
/// its queues' depth) and the DynamoDB operations the functions timed (operations.csv), as figures, data sheets and
/// tables whose source lines name those files.
/// </summary>
internal sealed record ReportExtras(IReadOnlyList<ReportFigure> Figures, IReadOnlyList<DataSheet> Sheets, IReadOnlyList<ReportTable> Tables, IReadOnlyList<OperationSummary> Operations)
{
    public static ReportExtras Read(IReadOnlyList<string> inputs, IReadOnlyList<InvocationRecord> invocations, ReportLanguage language, DateTimeOffset now)
    {
        var figures = new List<ReportFigure>();
        var sheets = new List<DataSheet>();
        var tables = new List<ReportTable>();

        var requestsCsv = inputs.Select(ClientRequestsFile.Beside).OfType<string>().FirstOrDefault();
        var requests = requestsCsv is null ? [] : ClientRequestsFile.Read(requestsCsv);
        var loads = LoadStepSummary.Of(requests);
        if (requestsCsv is not null)
        {
            figures.AddRange(LoadFigures(requestsCsv, requests, language));
        }

        if (loads.Count > 0)
        {
            sheets.Add(DataSheet.Of("loads", LoadCsvColumns.All, loads));
            tables.Add(new LoadTableBuilder(language).Build(loads) with { Source = TableSources.Of(language, [requestsCsv!], now) });
        }

        var operationFiles = inputs.Select(OperationCsvFile.PathBeside).Where(File.Exists).ToList();
        var operations = operationFiles.SelectMany(OperationCsvFile.Read).ToList();
        var summaries = OperationSummary.Of(operations, invocations);
        figures.AddRange(new OperationFigureBuilder(language).Build(operations, invocations));
        if (summaries.Count > 0)
        {
            sheets.Add(DataSheet.Of("operation_latency", OperationCsvColumns.All, summaries));
            // Its numbers come from operations.csv, joined with the invocations for the share of Duration.
            tables.Add(new OperationTableBuilder(language).Build(summaries) with { Source = TableSources.Of(language, [.. operationFiles, .. inputs], now) });
        }

        return new ReportExtras(figures, sheets, tables, summaries);
    }

    private static IEnumerable<ReportFigure> LoadFigures(string requestsCsv, IReadOnlyList<ClientRequest> requests, ReportLanguage language)
    {
        var builder = new LoadFigureBuilder(language);
        var queues = QueueDepthFile.Beside(requestsCsv)
            .Select(q => (Series: requests.FirstOrDefault(r => r.BatchId.StartsWith(q.Key + "-r", StringComparison.Ordinal)) is { } first ? LoadFigureBuilder.SeriesOf(first) : q.Key, Samples: QueueDepthFile.Read(q.Value)))
            .ToList();
        return [.. builder.Build(requests), .. builder.QueueDepth(queues) is { } depth ? [depth] : Array.Empty<ReportFigure>()];
    }
}
