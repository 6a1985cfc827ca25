using System.Globalization;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Statistics;
using Lambench.Core.Summary;
using Lambench.Core.Vocabulary;

namespace Lambench.Analysis.Report;

/// <summary>
/// The Methods paragraph of a report, generated from what the report actually did: the data and its platforms, the
/// exclusions and their counts, the statistics and their minimum sample sizes, the tests and the correction, the
/// intervals, the prices and their date, and what the design does not cover. Plain sentences in one language; the
/// report writes it as Markdown and LaTeX in English and Portuguese, ready to paste into a thesis.
/// </summary>
public static class MethodsParagraph
{
    /// <summary>A sentence on the workload strata, where the functions logged batch labels.</summary>
    private static IEnumerable<string> Workloads(IReadOnlyList<string> workloads, ReportLanguage language)
    {
        if (workloads.Count > 0)
        {
            yield return language.T(
                $"Each configuration ran {workloads.Count} workload(s) ({string.Join(", ", workloads)}, the batch labels the functions logged); every statistic, cost and comparison is computed per configuration and workload, and configurations are compared only within the same workload.",
                $"Cada configuração executou {workloads.Count} carga(s) ({string.Join(", ", workloads)}, os rótulos de lote registrados pelas funções); toda estatística, custo e comparação é calculada por configuração e carga, e as configurações só são comparadas dentro da mesma carga.");
        }
    }

    /// <param name="operations">the DynamoDB calls the functions timed (operations.csv), described where there are any.</param>
    private static IEnumerable<string> OperationsSentence(IReadOnlyList<Operations.OperationSummary> operations, ReportLanguage language)
    {
        if (operations.Count == 0)
        {
            yield break;
        }

        var counts = string.Join(", ", operations.GroupBy(o => o.Operation).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Sum(o => o.Operations).ToString("N0", language.Numbers)}"));
        yield return language.T(
            $"Inside the functions, each DynamoDB call ({counts}) was timed by the function itself and logged as a CloudWatch embedded metric line with its request id: its latency runs from the call's first request to its last answer, the SDK's retries and the re-sending of unprocessed items included, and its percentiles follow the rules above; the share of Duration spent on the calls is the time each invocation waited on them (overlapping calls counted once) over its Duration, summed per configuration and batch.",
            $"Dentro das funções, cada chamada ao DynamoDB ({counts}) foi cronometrada pela própria função e registrada como linha de métrica incorporada do CloudWatch com seu request id: sua latência vai do primeiro pedido da chamada à última resposta, incluídas as novas tentativas do SDK e o reenvio de itens não processados, e seus percentis seguem as regras acima; a parcela da Duration gasta nas chamadas é o tempo em que cada invocação as esperou (chamadas simultâneas contadas uma vez) sobre sua Duration, somados por configuração e lote.");
    }

    public static IReadOnlyList<string> Sentences(SummaryResult summary, PriceCatalog prices, ReportLanguage language, IReadOnlyList<Operations.OperationSummary>? operations = null)
    {
        string L(string en, string pt) => language.T(en, pt);
        string N(long n) => n.ToString("N0", language.Numbers);
        // One row per stratum (its warm row): the totals are the same on each of a stratum's rows.
        var all = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm).ToList();
        var invocations = all.Sum(r => (long)r.Totals.Failures.Invocations);
        var failed = all.Sum(r => (long)r.Totals.Failures.Failed);
        var platforms = all.Select(r => r.Platform ?? "?").Distinct().Order(StringComparer.Ordinal).ToList();
        var perConfiguration = string.Join("; ", all.Select(r => $"{r.Stratum}: n = {N(r.Totals.Successful)}"));
        var workloads = all.Select(r => r.Workload).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var configurations = all.Select(r => r.Configuration).Distinct().Count();
        List<string> sentences =
        [
            L($"The analysis covers {N(invocations)} invocations of {configurations} configuration(s){(workloads.Count > 0 ? $" in {all.Count} configuration × workload strata" : string.Empty)} ({perConfiguration} successful), read from Lambda's REPORT lines and matched by request id, measured on the {string.Join(" and ", platforms)} platform{(platforms.Count > 1 ? "s, which were summarised apart and never compared" : string.Empty)}.",
              $"A análise cobre {N(invocations)} invocações de {configurations} configuração(ões){(workloads.Count > 0 ? $" em {all.Count} estratos configuração × carga" : string.Empty)} ({perConfiguration} bem-sucedidas), lidas das linhas REPORT do Lambda e associadas pelo request id, medidas na plataforma {string.Join(" e ", platforms)}{(platforms.Count > 1 ? ", resumidas separadamente e nunca comparadas" : string.Empty)}."),
            L($"{N(failed)} invocation(s) ended in an error ({N(all.Sum(r => (long)r.Totals.Failures.Errors))}) or a timeout ({N(all.Sum(r => (long)r.Totals.Failures.Timeouts))}); they were excluded from every latency statistic and comparison, reported as rates with {WilsonInterval.Method}s (95%), and kept in the costs.",
              $"{N(failed)} invocação(ões) terminaram em erro ({N(all.Sum(r => (long)r.Totals.Failures.Errors))}) ou timeout ({N(all.Sum(r => (long)r.Totals.Failures.Timeouts))}); foram excluídas de toda estatística de latência e comparação, relatadas como taxas com intervalos de score de Wilson (95%) e mantidas nos custos."),
            L($"Latency is the REPORT line's Duration; percentiles use linear interpolation between closest ranks; the 95% interval of the mean is {MeanConfidenceInterval.Method} and that of the median the {MedianConfidenceInterval.Method}; a statistic is reported only where the sample carries it ({MinimumSampleSizes.Rule}).",
              $"A latência é o campo Duration da linha REPORT; os percentis usam interpolação linear entre postos vizinhos; o intervalo de 95% da média é o intervalo t de Student e o da mediana o intervalo de estatísticas de ordem (binomial, livre de distribuição); uma estatística só é relatada quando a amostra a sustenta ({MinimumSampleSizes.RulePortuguese})."),
            L($"A cold start is an invocation whose REPORT line has an Init (or Restore) Duration; the cold-start overhead is the mean of Duration plus Init over cold starts minus the mean Duration over warm starts, given with a 95% interval (a {BootstrapDifferenceOfMeans.Method}) from {MinimumSampleSizes.BootstrapRatioPerSide} invocations a side.",
              $"Uma partida a frio é uma invocação cuja linha REPORT traz Init (ou Restore) Duration; a sobrecarga da partida a frio é a média de Duration mais Init nas partidas a frio menos a média de Duration nas quentes, com intervalo de 95% ({BootstrapDifferenceOfMeans.MethodPortuguese}) a partir de {MinimumSampleSizes.BootstrapRatioPerSide} invocações de cada lado."),
            .. summary.Setups.Select(s => Setup(s, language)),
            .. Workloads(workloads, language),
            .. OperationsSentence(operations ?? [], language),
            Mix(summary, language),
            .. Throttles(summary, language),
            Comparisons(summary, language),
            Costs(summary, prices, language),
            Replication(summary, language),
        ];
        return sentences;
    }

    /// <summary>What the intervals describe: one session, or rounds with the round as the unit.</summary>
    private static string Replication(SummaryResult summary, ReportLanguage language)
    {
        var rounds = summary.Rows.Where(r => r.Rounds is not null).Select(r => r.Rounds!.Rounds).Distinct().Order().ToList();
        if (rounds.Count == 0)
        {
            return language.T("Each configuration was measured in a single session: intervals describe the variation within that session, not between repeated runs of the experiment.",
                "Cada configuração foi medida em uma única sessão: os intervalos descrevem a variação dentro dessa sessão, não entre repetições do experimento.");
        }

        var k = string.Join("–", new[] { rounds[0], rounds[^1] }.Distinct());
        return language.T(
            $"The experiment was replicated in {k} rounds, each a full pass of the protocol over every configuration on fresh execution environments, and the round is the unit of replication: per stratum, the round medians of warm Duration and cold Init Duration are averaged with a Student's t interval across rounds (from {MinimumSampleSizes.RoundsCi} rounds), the variance is split into within- and between-round components by {RoundStatistics.Method}, and comparisons also give the {PairedRoundRatio.Method}; the per-invocation intervals describe the variation within rounds only.",
            $"O experimento foi replicado em {k} rodadas, cada uma uma passada completa do protocolo por todas as configurações em ambientes de execução novos, e a unidade de replicação é a rodada: por estrato, as medianas por rodada da Duration quente e do Init frio são promediadas com intervalo t de Student entre rodadas (a partir de {MinimumSampleSizes.RoundsCi} rodadas), a variância é dividida em componentes dentro e entre rodadas por {RoundStatistics.MethodPortuguese}, e as comparações também dão a {PairedRoundRatio.MethodPortuguese}; os intervalos por invocação descrevem só a variação dentro das rodadas.");
    }

    /// <summary>How a run measured, from its collection.json: the protocol, its order and seed, concurrency and channel.</summary>
    private static string Setup(RunSetup s, ReportLanguage language)
    {
        var order = s.Order == "random"
            ? language.T($"in a random interleaving of configurations and repetitions drawn anew each round from seed {s.Seed}", $"em intercalação aleatória de configurações e repetições sorteada a cada rodada da semente {s.Seed}")
            : language.T("in the spec's order", "na ordem da especificação");
        var concurrency = s.ReservedConcurrency?.ToString(CultureInfo.InvariantCulture) ?? language.T("unset", "não definida");
        var batches = string.Join(", ", s.Batches);
        return language.T(
            $"The {s.Workload} workload was run on the {s.Platform} platform through the {s.Channel} channel in {s.Rounds} round(s) of the protocol; in each round, per configuration: a configuration update (fresh execution environments), {s.Warmup} discarded warm-up invocation(s), {s.ColdStarts} forced cold start(s) per batch (an environment variable change, then a wait until the update was active) and {s.Repetitions} warm repetition(s) per batch ({batches}), {order}, with reserved concurrency {concurrency}.",
            $"A carga {s.Workload} foi executada na plataforma {s.Platform} pelo canal {s.Channel} em {s.Rounds} rodada(s) do protocolo; em cada rodada, por configuração: uma atualização de configuração (ambientes de execução novos), {s.Warmup} invocação(ões) de aquecimento descartada(s), {s.ColdStarts} partida(s) a frio forçada(s) por lote (mudança de variável de ambiente e espera até a atualização ficar ativa) e {s.Repetitions} repetição(ões) quente(s) por lote ({batches}), {order}, com concorrência reservada {concurrency}.");
    }

    /// <summary>Throttled requests, where a run recorded them.</summary>
    private static IEnumerable<string> Throttles(SummaryResult summary, ReportLanguage language)
    {
        if (summary.Throttles.Count == 0)
        {
            yield break;
        }

        var throttled = summary.Throttles.Sum(t => (long)t.Throttled);
        var requests = summary.Throttles.Sum(t => (long)t.Requests);
        var share = language.Percent(requests == 0 ? null : (double)throttled / requests);
        yield return language.T(
            $"Lambda throttled {throttled.ToString("N0", language.Numbers)} of {requests.ToString("N0", language.Numbers)} requests ({share}; its Throttles metric, per configuration with {WilsonInterval.Method}s); a throttled call is retried by the runner and a throttled SQS message redelivered, so a throttle delays a measurement but never becomes one.",
            $"O Lambda limitou {throttled.ToString("N0", language.Numbers)} de {requests.ToString("N0", language.Numbers)} requisições ({share}; sua métrica Throttles, por configuração com intervalos de score de Wilson); uma chamada limitada é repetida pelo executor e uma mensagem SQS limitada é reentregue, então uma limitação atrasa uma medição mas nunca se torna uma.");
    }

    /// <summary>Warm and cold apart, and the mix at the declared share where there is one.</summary>
    private static string Mix(SummaryResult summary, ReportLanguage language) => summary.Rows.FirstOrDefault(r => r.StartType == StartTypeNames.Mix) is { } mix
        ? language.T($"Warm and cold starts were summarised apart; the latency and cost of a production mix are given at a declared cold share of {language.Percent(mix.ColdStartRate)} (a {MixtureStatistics.Method}, with Duration + Init as a cold start's latency), never at the share the protocol forced.",
            $"Partidas quentes e a frio foram resumidas separadamente; a latência e o custo de uma mistura de produção são dados na parcela de partidas a frio declarada de {language.Percent(mix.ColdStartRate)} ({MixtureStatistics.MethodPortuguese}, com Duration + Init como latência de uma partida a frio), nunca na parcela forçada pelo protocolo.")
        : language.T("Warm and cold starts were summarised apart, never pooled at the share of cold starts the protocol forced; monthly costs assume warm invocations.",
            "Partidas quentes e a frio foram resumidas separadamente, nunca agregadas na parcela de partidas a frio forçada pelo protocolo; os custos mensais supõem invocações quentes.");

    private static string Comparisons(SummaryResult summary, ReportLanguage language)
    {
        var count = summary.Comparisons.Count;
        var pairs = summary.Comparisons.Select(c => (c.Baseline, c.Candidate)).Distinct().Count();
        return count == 0
            ? language.T("No two configurations of one platform differed in exactly one factor, so none was compared.",
                "Nenhum par de configurações da mesma plataforma diferia em exatamente um fator; nenhuma comparação foi feita.")
            : language.T($"{pairs} pair(s) of configurations of one platform differing in exactly one factor (runtime, architecture or memory size) were compared on warm Durations and on cold starts' Init Durations ({count} rows; warm and cold never pooled) with the two-sided Mann-Whitney U test and Cliff's delta; the ratio of medians has a percentile bootstrap 95% interval ({ConfigurationComparer.BootstrapResamples} resamples, fixed seed); p-values were adjusted with Holm's step-down method over all {count} rows.",
                $"{pairs} par(es) de configurações da mesma plataforma que diferem em exatamente um fator (runtime, arquitetura ou memória) foram comparados nas durações quentes e no Init das partidas a frio ({count} linhas; quentes e frias nunca agregadas) com o teste U de Mann-Whitney bilateral e o delta de Cliff; a razão das medianas tem intervalo de 95% por bootstrap percentil ({ConfigurationComparer.BootstrapResamples} reamostragens, semente fixa); os valores p foram ajustados pelo método sequencial de Holm sobre as {count} linhas.");
    }

    private static string Costs(SummaryResult summary, PriceCatalog prices, ReportLanguage language)
    {
        var date = prices.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var unconfirmed = prices.UnconfirmedItems(lambdaOnly: true); // only Lambda's prices are applied here
        var local = summary.Rows.Any(r => r.Platform == Platform.Local.Name());
        return language.T(
            $"Costs apply the {prices.PricedRegion} list prices of {date} ({prices.Origin}) to each invocation's Billed Duration, failures included{(unconfirmed.Count > 0 ? $"; not confirmed for the region: {string.Join(", ", unconfirmed)}" : string.Empty)}{(local ? "; for local measurements they are what those durations would cost on AWS" : string.Empty)}.",
            $"Os custos aplicam os preços de tabela de {prices.PricedRegion} de {date} ({prices.Origin}) ao Billed Duration de cada invocação, falhas incluídas{(unconfirmed.Count > 0 ? $"; não confirmados para a região: {string.Join(", ", unconfirmed)}" : string.Empty)}{(local ? "; para medições locais, são o que essas durações custariam na AWS" : string.Empty)}.");
    }
}
