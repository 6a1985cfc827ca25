using Lambench.Analysis.Operations;

namespace Lambench.Analysis.Tables;

/// <summary>The DynamoDB operations table: per configuration, batch and operation, the latency the functions measured and the share of Duration it took.</summary>
public sealed class OperationTableBuilder(ReportLanguage language)
{
    private string L(string en, string pt) => language.T(en, pt);

    public ReportTable Build(IReadOnlyList<OperationSummary> operations)
    {
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Batch", "Lote"), false),
            new TableColumn(L("Operation", "Operação"), false),
            new TableColumn("n", true),
            new TableColumn(L("p50 (ms)", "p50 (ms)"), true),
            new TableColumn(L("p50 95% CI (ms)", "IC 95% do p50 (ms)"), true),
            new TableColumn(L("p95 (ms)", "p95 (ms)"), true),
            new TableColumn(L("p99 (ms)", "p99 (ms)"), true),
            new TableColumn(L("Items/s", "Itens/s"), true),
            new TableColumn(L("Throttled", "Limitadas"), true),
            new TableColumn(L("Share of Duration", "Parcela da Duration"), true),
        };
        var rows = operations.Select(s => (IReadOnlyList<string>)
        [
            s.Configuration, s.Label, s.Operation, language.Fixed((double)s.Operations, 0),
            language.Fixed(s.LatencyMs.P50, 1), language.Interval(s.LatencyMs.MedianCi95, 1),
            language.Fixed(s.LatencyMs.P95, 1), language.Fixed(s.LatencyMs.P99, 1),
            language.Fixed(s.ItemsPerSecond, 0), language.Percent(s.ThrottledShare), language.Percent(s.ShareOfDuration),
        ]).ToList();
        var legend = new List<string>
        {
            L("Latency of each DynamoDB operation as the function timed it (CloudWatch embedded metric lines): from its first request to its last answer, the SDK's retries and the re-sending of unprocessed items included. Percentiles by linear interpolation, p95 from 20 and p99 from 100 operations; the median's interval is distribution-free.",
              "Latência de cada operação do DynamoDB medida pela própria função (linhas de métricas incorporadas do CloudWatch): do primeiro pedido à última resposta, incluídas as novas tentativas do SDK e o reenvio de itens não processados. Percentis por interpolação linear, p95 a partir de 20 e p99 a partir de 100 operações; o intervalo da mediana é livre de distribuição."),
            L("Items/s: items over the operations' summed latency (the rate while the function waited on DynamoDB). Throttled: operations that met a throttling error or unprocessed items. Share of Duration: the time the invocations waited on their operations (overlapping ones counted once) over their summed Duration (operation_latency.csv has the counts).",
              "Itens/s: itens sobre a soma das latências das operações (a taxa enquanto a função esperava o DynamoDB). Limitadas: operações que receberam um erro de limitação ou itens não processados. Parcela da Duration: o tempo em que as invocações esperaram suas operações (as simultâneas contadas uma vez) sobre a soma das suas Durations (operation_latency.csv traz as contagens)."),
        };
        return new ReportTable("operations", L("DynamoDB operations measured inside the functions", "Operações do DynamoDB medidas dentro das funções"), columns, rows, legend);
    }
}
