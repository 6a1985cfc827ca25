using System.Globalization;
using Lambench.Core.Statistics;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>The throttles table of a run: per configuration, the requests Lambda refused, as a rate over every request with its Wilson interval.</summary>
public sealed class ThrottleTableBuilder(ReportLanguage language)
{
    private string L(string en, string pt) => language.T(en, pt);

    /// <summary>The table, or null when the report has no throttle counts (a CSV without its run's collection.json).</summary>
    public ReportTable? Build(SummaryResult summary)
    {
        if (summary.Throttles.Count == 0)
        {
            return null;
        }

        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Invocations", "Invocações"), true),
            new TableColumn(L("Throttled", "Limitadas"), true),
            new TableColumn(L("Throttle rate", "Taxa de limitação"), true),
            new TableColumn(L("95% CI", "IC 95%"), true),
        };
        var rows = summary.Throttles.Select(t => (IReadOnlyList<string>)
        [
            t.Configuration, t.Invocations.ToString(CultureInfo.InvariantCulture), t.Throttled.ToString(CultureInfo.InvariantCulture),
            language.Percent(t.Rate), language.PercentInterval(t.RateCi95),
        ]).ToList();
        var legend = new List<string>
        {
            L("Requests Lambda refused with TooManyRequestsException (reserved concurrency reached; for SQS, the trigger's pollers too), from the run's Throttles metric per function, so per configuration across its workloads. They ran nothing and have no REPORT line.",
              "Requisições recusadas pelo Lambda com TooManyRequestsException (concorrência reservada atingida; no SQS, também as dos pollers do gatilho), da métrica Throttles da execução por função, portanto por configuração, somando suas cargas. Não executaram nada e não têm linha REPORT."),
            L($"Invocations: every one the run made (warm-ups included, as the metric counts theirs). Rate = throttled / (invocations + throttled), over every request; 95% CI: {WilsonInterval.Method}. The runner retries a throttled call with backoff and SQS redelivers a throttled message, so a throttle delays a measurement but never becomes one; on AWS the metric can lag by a minute or two.",
              "Invocações: todas as da execução (aquecimentos incluídos, pois a métrica conta os deles). Taxa = limitadas / (invocações + limitadas), sobre todas as requisições; IC 95%: intervalo de score de Wilson. O executor repete uma chamada limitada com espera crescente e o SQS reentrega uma mensagem limitada, então uma limitação atrasa uma medição mas nunca se torna uma; na AWS a métrica pode atrasar um ou dois minutos."),
        };
        return new ReportTable("throttles", L("Throttled requests per configuration", "Requisições limitadas (throttled) por configuração"), columns, rows, legend);
    }
}
