using Lambench.Core.Records;
using Lambench.Core.Statistics;
using Lambench.Core.Summary;
using Lambench.Core.Vocabulary;

namespace Lambench.Analysis.Tables;

/// <summary>The notes several tables share: how warm, cold and mix rows relate, the platforms, the workload strata.</summary>
public sealed class TableNotes(ReportLanguage language)
{
    private string L(string en, string pt) => language.T(en, pt);

    /// <summary>Under the latency table: warm and cold apart, and what the mix row is where a cold share was declared.</summary>
    public string Mix(SummaryResult summary) => summary.Rows.FirstOrDefault(r => r.StartType == StartTypeNames.Mix) is { } mix
        ? L($"Warm and cold starts are reported apart and never pooled at the share of cold starts the protocol forced. The mix rows are the latency at the declared cold share of {language.Percent(mix.ColdStartRate)}: Duration for warm starts, Duration + Init for cold ones; {MixtureStatistics.Method}; no interval, as the share is declared, not measured.",
            $"Partidas quentes e a frio são relatadas separadamente e nunca agregadas na parcela de partidas a frio forçada pelo protocolo. As linhas de mistura são a latência na parcela de partidas a frio declarada de {language.Percent(mix.ColdStartRate)}: Duration nas partidas quentes, Duration + Init nas frias; {MixtureStatistics.MethodPortuguese}; sem intervalo, pois a parcela é declarada, não medida.")
        : L("Warm and cold starts are reported apart and never pooled at the share of cold starts the protocol forced, which is no property of the configuration; for the latency of a production mix, declare its cold share (report --cold-share).",
            "Partidas quentes e a frio são relatadas separadamente e nunca agregadas na parcela de partidas a frio forçada pelo protocolo, que não é propriedade da configuração; para a latência de uma mistura de produção, declare sua parcela de partidas a frio (report --cold-share).");

    public IEnumerable<string> Platforms(SummaryResult summary)
    {
        var platforms = summary.Rows.Select(r => r.Platform).Where(p => p is not null).Distinct().ToList();
        if (platforms.Contains(Platform.Local.Name()))
        {
            yield return L("Rows with platform 'local' were measured on this machine by Lambench's local platform: local timings, not AWS figures.",
                "Linhas com plataforma 'local' foram medidas nesta máquina pela plataforma local do Lambench: tempos locais, não valores da AWS.");
        }

        if (platforms.Count > 1)
        {
            yield return L($"This report mixes platforms ({string.Join(", ", platforms.Order(StringComparer.Ordinal))}): read each platform's rows apart; no comparison crosses platforms.",
                $"Este relatório mistura plataformas ({string.Join(", ", platforms.Order(StringComparer.Ordinal))}): leia as linhas de cada plataforma separadamente; nenhuma comparação cruza plataformas.");
        }
    }

    /// <summary>Said under every table of a report whose rows are split by workload.</summary>
    public IEnumerable<string> Workloads(SummaryResult summary)
    {
        var workloads = summary.Rows.Select(r => r.Workload).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (workloads.Count > 0)
        {
            yield return L($"A row is a configuration · workload (the batch label the functions logged: {string.Join(", ", workloads)}): workloads are summarised apart, never pooled, and compared only with the same workload.",
                $"Cada linha é configuração · carga (o rótulo de lote registrado pelas funções: {string.Join(", ", workloads)}): as cargas são resumidas separadamente, nunca agregadas, e comparadas só com a mesma carga.");
        }
    }
}
