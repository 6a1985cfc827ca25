using System.Globalization;
using Lambench.Analysis.Load;

namespace Lambench.Analysis.Tables;

/// <summary>The loads table of a load spec's run: per load step, what was sent, answered and throttled, and how fast.</summary>
public sealed class LoadTableBuilder(ReportLanguage language)
{
    private string L(string en, string pt) => language.T(en, pt);

    public ReportTable Build(IReadOnlyList<LoadStepSummary> loads)
    {
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Batch", "Lote"), false),
            new TableColumn(L("Sent", "Enviadas"), true),
            new TableColumn(L("Answered", "Respondidas"), true),
            new TableColumn(L("Throttled", "Limitadas"), true),
            new TableColumn(L("Answered/s", "Respondidas/s"), true),
            new TableColumn(L("p50 (ms)", "p50 (ms)"), true),
            new TableColumn(L("p50 95% CI (ms)", "IC 95% do p50 (ms)"), true),
            new TableColumn(L("p95 (ms)", "p95 (ms)"), true),
            new TableColumn(L("p99 (ms)", "p99 (ms)"), true),
        };
        var rows = loads.Select(s => (IReadOnlyList<string>)
        [
            s.Configuration, s.Round > 1 ? $"{s.Label} r{s.Round.ToString(CultureInfo.InvariantCulture)}" : s.Label,
            language.Fixed((double)s.Sent, 0), language.Fixed((double)s.Ok, 0), language.Fixed((double)s.Throttled, 0), language.Fixed(s.OkPerSecond, 2),
            language.Fixed(s.ClientLatencyMs.P50, 1), language.Interval(s.ClientLatencyMs.MedianCi95, 1),
            language.Fixed(s.ClientLatencyMs.P95, 1), language.Fixed(s.ClientLatencyMs.P99, 1),
        ]).ToList();
        var legend = new List<string>
        {
            L("Client latency of the answered requests, from each request's intended send time (so a stalled target raises it by the wait: no coordinated omission); percentiles by linear interpolation, p95 from 20 and p99 from 100 answers; the median's interval is distribution-free (order statistics).",
              "Latência no cliente das requisições respondidas, desde o instante planejado de envio de cada uma (um alvo parado a eleva pelo tempo de espera: sem omissão coordenada); percentis por interpolação linear, p95 a partir de 20 e p99 a partir de 100 respostas; o intervalo da mediana é livre de distribuição (estatísticas de ordem)."),
            L("Answered/s: answered requests over the step's window, from its first intended send to its last answer; for asynchronous intake (event, sqs) the answer is the acceptance, and the function runs later (loads.csv: p50_to_start_ms). Throttled: refused by Lambda (429) or, for an API, by API Gateway; behind an API a Lambda throttle is a 500, counted with the errors (sent − answered − throttled).",
              "Respondidas/s: requisições respondidas na janela do passo, do primeiro envio planejado à última resposta; na entrada assíncrona (event, sqs) a resposta é o aceite, e a função executa depois (loads.csv: p50_to_start_ms). Limitadas: recusadas pelo Lambda (429) ou, numa API, pelo API Gateway; atrás de uma API, uma limitação do Lambda é um 500, contado com os erros (enviadas − respondidas − limitadas)."),
        };
        return new ReportTable("loads", L("Load steps: requests sent, answered and their client latency", "Passos de carga: requisições enviadas, respondidas e latência no cliente"), columns, rows, legend);
    }
}
