using Lambench.Analysis.Figures;
using Lambench.Core.Records;
using Plotly.NET.CSharp;

namespace Lambench.Analysis.Operations;

/// <summary>
/// The figures of the DynamoDB operations the functions timed: each operation's latency by configuration and batch
/// (boxes), and the invocations' mean Duration split into the time spent in DynamoDB operations and the rest.
/// </summary>
public sealed class OperationFigureBuilder(ReportLanguage language)
{
    private readonly FigureComposer composer = new(language);

    private string L(string en, string pt) => composer.L(en, pt);

    public IReadOnlyList<ReportFigure> Build(IReadOnlyList<OperationRecord> operations, IReadOnlyList<InvocationRecord> invocations)
    {
        if (operations.Count == 0)
        {
            return [];
        }

        var series = operations.GroupBy(SeriesOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return [Latency(series), Breakdown(series, invocations)];
    }

    /// <summary>A series: configuration, batch label and, where a run has more than one, the operation.</summary>
    private static string SeriesOf(OperationRecord o) => $"{o.Configuration} {o.Label}{(o.Operation == "BatchWriteItem" ? string.Empty : " " + o.Operation)}";

    private ReportFigure Latency(List<IGrouping<string, OperationRecord>> series)
    {
        var large = series.Where(g => g.Count() > ReportFigureBuilder.BoxPointsLimit).ToDictionary(g => g.Key, g => (IReadOnlyList<double>)g.Select(o => o.LatencyMs).ToList());
        var traces = series.Select(g => Chart.BoxPlot<string, double, string>(Y: large.ContainsKey(g.Key) ? [0.0] : g.Select(o => o.LatencyMs).ToArray(), Name: g.Key));
        return composer.Compose("operation-latency", L("Latency of each DynamoDB operation", "Latência de cada operação do DynamoDB"), Chart.Combine(traces),
            L("Configuration and batch", "Configuração e lote"), L("Operation latency (ms)", "Latência da operação (ms)"),
            L("As the functions timed each operation (CloudWatch embedded metric lines), retries included. Box: quartiles and median; whiskers: the farthest values within 1.5 IQR.",
              "Como as funções cronometraram cada operação (linhas de métricas incorporadas do CloudWatch), novas tentativas incluídas. Caixa: quartis e mediana; bigodes: os valores mais distantes dentro de 1,5 IIQ."),
            figure => ReportFigureBuilder.PrecomputedBoxes(figure, large));
    }

    private ReportFigure Breakdown(List<IGrouping<string, OperationRecord>> series, IReadOnlyList<InvocationRecord> invocations)
    {
        var duration = OperationSummary.DurationByRequest(invocations);
        var keys = series.Select(g => g.Key).ToArray();
        double[] dynamo = new double[keys.Length], rest = new double[keys.Length];
        for (var i = 0; i < series.Count; i++)
        {
            // Means over the invocations joined with their REPORT line: the parts of a mean add up to the mean Duration.
            var perInvocation = series[i].GroupBy(o => o.RequestId, StringComparer.Ordinal).Where(g => duration.ContainsKey(g.Key))
                .Select(g => (Dynamo: OperationRecord.WaitingMs(g), Duration: duration[g.Key])).ToList();
            if (perInvocation.Count > 0)
            {
                dynamo[i] = perInvocation.Average(p => p.Dynamo);
                rest[i] = perInvocation.Average(p => Math.Max(0, p.Duration - p.Dynamo));
            }
        }

        var chart = Chart.Combine(
        [
            Chart.StackedColumn<double, string, string>(dynamo, Keys: keys, Name: L("DynamoDB operations", "Operações do DynamoDB")),
            Chart.StackedColumn<double, string, string>(rest, Keys: keys, Name: L("the rest of Duration", "o restante da Duration")),
        ]);
        return composer.Compose("operation-breakdown", L("Where the invocations' Duration went", "Onde foi a Duration das invocações"), chart,
            L("Configuration and batch", "Configuração e lote"), "ms",
            L("Means over the invocations with operations: the time the function waited on DynamoDB operations (overlapping ones counted once) and the rest of the REPORT line's Duration (building items, serialising, the handler's own work).",
              "Médias sobre as invocações com operações: o tempo em que a função esperou operações do DynamoDB (as simultâneas contadas uma vez) e o restante da Duration da linha REPORT (montar itens, serializar, o trabalho do próprio handler)."),
            figure => figure["layout"]!["barmode"] = "stack");
    }
}
