using System.Globalization;
using Lambench.Core.Cost;
using Lambench.Core.Records;
using Lambench.Core.Statistics;
using Lambench.Core.Summary;
using Lambench.Core.Vocabulary;

namespace Lambench.Analysis.Tables;

/// <summary>Builds the report's tables (latency, cold starts, cost, comparisons) in one language, each with the legend its numbers need.</summary>
public sealed class ReportTableBuilder(ReportLanguage language, PriceCatalog prices)
{
    public IReadOnlyList<ReportTable> Build(SummaryResult summary)
    {
        var tables = new List<ReportTable> { Latency(summary), Failures(summary) };
        if (Throttles(summary) is { } throttles)
        {
            tables.Add(throttles);
        }

        tables.AddRange([ColdStarts(summary), Cost(summary)]);
        if (Rounds(summary) is { } rounds)
        {
            tables.Add(rounds);
        }

        if (summary.Comparisons.Count > 0)
        {
            tables.Add(Comparisons(summary));
        }

        return tables;
    }

    private readonly TableNotes notes = new(language);

    private string L(string en, string pt) => language.T(en, pt);

    /// <summary>The rounds table of a replicated run; null for a single session.</summary>
    public ReportTable? Rounds(SummaryResult summary) => new RoundTableBuilder(language).Build(summary);

    /// <summary>The throttles table, where a run recorded throttles; null otherwise.</summary>
    public ReportTable? Throttles(SummaryResult summary) => new ThrottleTableBuilder(language).Build(summary);

    public ReportTable Latency(SummaryResult summary)
    {
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Start", "Início"), false),
            new TableColumn("n", true),
            new TableColumn(L("Mean (ms)", "Média (ms)"), true),
            new TableColumn(L("95% CI of mean (ms)", "IC 95% da média (ms)"), true),
            new TableColumn(L("SD (ms)", "DP (ms)"), true),
            new TableColumn("p50 (ms)", true),
            new TableColumn(L("95% CI of p50 (ms)", "IC 95% da p50 (ms)"), true),
            new TableColumn("p90 (ms)", true),
            new TableColumn("p95 (ms)", true),
            new TableColumn("p99 (ms)", true),
            new TableColumn(L("Max (ms)", "Máx. (ms)"), true),
        };
        // Warm and cold apart, and mixed only at a share the user declared (never the share the protocol forced).
        var rows = summary.Rows.Where(r => r.Duration.N > 0).Select(r => (IReadOnlyList<string>)
        [
            r.Stratum, language.StartType(r.StartType), r.Duration.N.ToString(CultureInfo.InvariantCulture),
            Ms(r.Duration.Mean), Interval(r.Duration.MeanCi95), Ms(r.Duration.StandardDeviation), Ms(r.Duration.P50),
            Interval(r.Duration.MedianCi95), Ms(r.Duration.P90), Ms(r.Duration.P95), Ms(r.Duration.P99), Ms(r.Duration.Max),
        ]).ToList();
        var legend = new List<string>
        {
            L("Duration is the REPORT line's Duration (handler time, without Init), over successful invocations only: errors and timeouts are counted in the failures table, not here.",
              "Duração é o campo Duration da linha REPORT (tempo do handler, sem Init), só das invocações bem-sucedidas: erros e timeouts são contados na tabela de falhas, não aqui."),
            L("Percentiles by linear interpolation between closest ranks (numpy's and Excel PERCENTILE.INC's default).", "Percentis por interpolação linear entre postos vizinhos (padrão do numpy e do PERCENTIL.INC do Excel)."),
            L($"CI of mean: {MeanConfidenceInterval.Method}; CI of p50: {MedianConfidenceInterval.Method}, coverage ≥ 95 %, none below n = 6.",
              "IC da média: intervalo t de Student; IC da p50: intervalo de estatísticas de ordem (binomial, livre de distribuição), cobertura ≥ 95 %, inexistente para n < 6."),
            L("SD is the sample standard deviation (n − 1). – marks a value that does not exist, or that the sample is too small to carry: " + MinimumSampleSizes.Rule + ".",
              "DP é o desvio padrão amostral (n − 1). – indica valor inexistente, ou que a amostra é pequena demais para sustentar: " + MinimumSampleSizes.RulePortuguese + "."),
        };
        legend.Add(notes.Mix(summary));
        legend.AddRange(notes.Platforms(summary));
        legend.AddRange(notes.Workloads(summary));
        return new ReportTable("latency", L("Invocation duration per configuration and start type", "Duração das invocações por configuração e tipo de início"), columns, rows, legend);
    }

    public ReportTable Failures(SummaryResult summary)
    {
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Invocations", "Invocações"), true),
            new TableColumn(L("Errors", "Erros"), true),
            new TableColumn(L("Error rate", "Taxa de erro"), true),
            new TableColumn(L("95% CI", "IC 95%"), true),
            new TableColumn(L("Timeouts", "Timeouts"), true),
            new TableColumn(L("Timeout rate", "Taxa de timeout"), true),
            new TableColumn(L("95% CI", "IC 95%"), true),
        };
        // One row per stratum: its totals are the same on each of its summary rows.
        var rows = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm).Select(r => (r.Stratum, F: r.Totals.Failures)).Select(x => (IReadOnlyList<string>)
        [
            x.Stratum, x.F.Invocations.ToString(CultureInfo.InvariantCulture), x.F.Errors.ToString(CultureInfo.InvariantCulture),
            language.Percent(x.F.ErrorRate), PercentInterval(x.F.ErrorRateCi95),
            x.F.Timeouts.ToString(CultureInfo.InvariantCulture), language.Percent(x.F.TimeoutRate), PercentInterval(x.F.TimeoutRateCi95),
        ]).ToList();
        var legend = new List<string>
        {
            L("Over every invocation with a REPORT line: status error (the function failed) or timeout (it ran until the configured timeout).",
              "Sobre todas as invocações com linha REPORT: status error (a função falhou) ou timeout (executou até o tempo limite)."),
            L($"95% CI: {WilsonInterval.Method} (stays within 0–100 % and is not empty at 0 events).",
              "IC 95%: intervalo de score de Wilson (fica entre 0 e 100 % e não se anula com 0 eventos)."),
            L("These invocations are left out of every latency statistic and comparison, and included in the costs (AWS bills them). Throttled requests never run, so they have no REPORT line: a run's report counts them per configuration in the throttles table (from its collection.json).",
              "Essas invocações ficam fora de toda estatística de latência e comparação, e entram nos custos (a AWS as cobra). Requisições limitadas (throttled) não executam e não têm linha REPORT: o relatório de uma execução as conta por configuração na tabela de limitações (do seu collection.json)."),
        };
        legend.AddRange(notes.Workloads(summary));
        return new ReportTable("failures", L("Errors and timeouts per configuration", "Erros e timeouts por configuração"), columns, rows, legend);
    }

    public ReportTable ColdStarts(SummaryResult summary)
    {
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn("n", true),
            new TableColumn(L("Cold starts", "Partidas a frio"), true),
            new TableColumn(L("Cold-start rate", "Taxa de partida a frio"), true),
            new TableColumn(L("Init mean (ms)", "Init média (ms)"), true),
            new TableColumn("Init p50 (ms)", true),
            new TableColumn("Init p95 (ms)", true),
            new TableColumn(L("Init max (ms)", "Init máx. (ms)"), true),
            new TableColumn(L("Overhead (ms)", "Sobrecarga (ms)"), true),
            new TableColumn(L("95% CI of overhead (ms)", "IC 95% da sobrecarga (ms)"), true),
            new TableColumn(L("Overhead (% of warm mean)", "Sobrecarga (% da média quente)"), true),
            new TableColumn(L("Max memory used, mean (MB)", "Memória máx. usada, média (MB)"), true),
        };
        // One row per stratum: Init from its cold row, the rest from its totals.
        var cold = summary.Rows.Where(r => r.StartType == StartTypeNames.Cold).ToDictionary(r => r.Stratum);
        var rows = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm).Select(r => (Row: r, Init: cold[r.Stratum].InitDuration)).Select(x => (IReadOnlyList<string>)
        [
            x.Row.Stratum, x.Row.Totals.Successful.ToString(CultureInfo.InvariantCulture), x.Init.N.ToString(CultureInfo.InvariantCulture),
            language.Percent(x.Row.ColdStartRate), Ms(x.Init.Mean), Ms(x.Init.P50), Ms(x.Init.P95), Ms(x.Init.Max),
            Ms(x.Row.ColdStartOverheadMs), Interval(x.Row.ColdStartOverheadCi95), x.Row.ColdStartOverheadPercent is { } p ? language.Fixed(p, 1) + " %" : "–", language.Fixed(x.Row.Totals.MeanMaxMemoryUsedMb, 1),
        ]).ToList();
        var legend = new List<string>
        {
            L("A cold start is an invocation whose REPORT line has an Init (or SnapStart Restore) Duration.", "Partida a frio é a invocação cuja linha REPORT traz Init Duration (ou Restore Duration, SnapStart)."),
            L("Overhead = mean of (Duration + Init Duration) over cold starts − mean Duration over warm starts, successful invocations only.", "Sobrecarga = média de (Duration + Init Duration) nas partidas a frio − média de Duration nas partidas quentes, só invocações bem-sucedidas."),
            L($"95% CI of overhead: {BootstrapDifferenceOfMeans.Method}; none below {MinimumSampleSizes.BootstrapRatioPerSide} cold and {MinimumSampleSizes.BootstrapRatioPerSide} warm invocations.",
              $"IC 95% da sobrecarga: {BootstrapDifferenceOfMeans.MethodPortuguese}; inexistente com menos de {MinimumSampleSizes.BootstrapRatioPerSide} partidas a frio e {MinimumSampleSizes.BootstrapRatioPerSide} quentes."),
        };
        legend.AddRange(notes.Workloads(summary));
        return new ReportTable("cold-starts", L("Cold starts per configuration", "Partidas a frio por configuração"), columns, rows, legend);
    }

    public ReportTable Cost(SummaryResult summary)
    {
        var monthly = summary.Rows.FirstOrDefault()?.MonthlyInvocations ?? ConfigurationSummarizer.DefaultMonthlyInvocations;
        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Start", "Início"), false),
            new TableColumn(L("Architecture", "Arquitetura"), false),
            new TableColumn(L("Memory (MB)", "Memória (MB)"), true),
            new TableColumn(L("Mean billed (ms)", "Faturado médio (ms)"), true),
            new TableColumn(L("USD per million invocations", "USD por milhão de invocações"), true),
            new TableColumn(L($"USD per month ({Count(monthly)} inv.)", $"USD por mês ({Count(monthly)} inv.)"), true),
            new TableColumn(L("USD per month, free tier once per account", "USD por mês, nível gratuito uma vez por conta"), true),
        };
        var rows = summary.Rows.Where(r => r.Duration.N > 0).Select(r => (IReadOnlyList<string>)
        [
            r.Stratum, language.StartType(r.StartType), r.Architecture ?? "–", r.MemorySizeMb?.ToString(CultureInfo.InvariantCulture) ?? "–",
            Ms(r.MeanBilledDurationMs), language.Fixed(r.CostPerMillionUsd, 4), language.Fixed(r.MonthlyCostUsd, 2), "–",
        ]).ToList();
        if (summary.AccountProjection is { } account)
        {
            rows.Add(
            [
                L($"All configurations ({account.Configurations}), one account", $"Todas as configurações ({account.Configurations}), uma conta"), language.StartType(summary.Rows.Any(r => r.StartType == StartTypeNames.Mix) ? StartTypeNames.Mix : StartTypeNames.Warm),
                string.Join(" + ", account.GbSecondsByArchitecture.Keys.Order(StringComparer.Ordinal)), "–", "–", "–",
                language.Fixed(account.CostWithoutFreeTierUsd, 2), language.Fixed(account.CostWithFreeTierUsd, 2),
            ]);
        }

        var requestPrice = prices.Lambda.Requests.UsdPerMillion;
        var legend = new List<string>
        {
            L($"Lambda compute and requests only, {prices.Region} list prices as of {prices.AsOf:yyyy-MM-dd} ({prices.Origin}).",
              $"Apenas computação e requisições do Lambda, preços de tabela de {prices.Region} em {prices.AsOf:yyyy-MM-dd} ({prices.Origin})."),
            L($"Per invocation: Billed Duration (s) × memory (GB = MB/1024) × first-tier price per GB-s + {language.Fixed(requestPrice, 2)} USD per million requests.",
              $"Por invocação: Billed Duration (s) × memória (GB = MB/1024) × preço do primeiro escalão por GB-s + {language.Fixed(requestPrice, 2)} USD por milhão de requisições."),
            L("Monthly: mean GB-s per invocation × volume, priced through the tiers, without the free tier on any configuration's own row.",
              "Mensal: GB-s médio por invocação × volume, com os escalões de preço, sem nível gratuito nas linhas de cada configuração."),
            L($"The free tier ({Count(prices.Lambda.FreeTier.RequestsPerMonth)} requests, {Count((long)prices.Lambda.FreeTier.GbSecondsPerMonth)} GB-s a month) belongs to the account, once, across both architectures: "
              + "it is taken off only in the last row, every configuration's mix row (at the declared cold share) or, where none was declared, its warm row at the monthly volume together, GB-s added per architecture before the tiers and the free GB-s shared among architectures in proportion to their GB-s.",
              $"O nível gratuito ({Count(prices.Lambda.FreeTier.RequestsPerMonth)} requisições, {Count((long)prices.Lambda.FreeTier.GbSecondsPerMonth)} GB-s por mês) é da conta, uma única vez, somando as duas arquiteturas: "
              + "só é descontado na última linha, com a linha mistura de cada configuração (na parcela de partidas a frio declarada) ou, sem declaração, a linha quente, no volume mensal, GB-s somados por arquitetura antes dos escalões e os GB-s gratuitos repartidos entre arquiteturas na proporção dos seus GB-s."),
            L("The Billed Duration is the REPORT line's; where absent, ceil(Duration + Init where billed), Init billed for all on-demand ZIP functions since "
              + $"{prices.Lambda.InitBilling.AllOnDemandZipFrom:yyyy-MM-dd} and always for custom runtimes.",
              "O Billed Duration é o da linha REPORT; na falta dele, teto(Duration + Init quando faturado), Init faturado para todas as funções ZIP sob demanda desde "
              + $"{prices.Lambda.InitBilling.AllOnDemandZipFrom:yyyy-MM-dd} e sempre para runtimes personalizados."),
        };
        if (summary.Rows.Any(r => r.Platform == Platform.Local.Name()))
        {
            legend.Add(L("Rows with platform 'local': what these local durations would cost on AWS at these prices; nothing was billed, and local durations are not AWS's.",
                "Linhas com plataforma 'local': quanto essas durações locais custariam na AWS a esses preços; nada foi cobrado, e durações locais não são as da AWS."));
        }

        if (prices.UnconfirmedItems(lambdaOnly: true) is { Count: > 0 } unconfirmed)
        {
            legend.Add(L($"Unconfirmed price: {string.Join(", ", unconfirmed)} for {prices.PricedRegion} were not confirmed from AWS's own pages (see {prices.Origin}); check them, or override them with --prices.",
                $"Preço não confirmado: {string.Join(", ", unconfirmed)} para {prices.PricedRegion} não foram confirmados nas páginas da própria AWS (ver {prices.Origin}); confira-os ou substitua-os com --prices."));
        }

        var estimated = summary.Rows.Where(r => r.StartType == StartTypeNames.Warm).Sum(r => r.Totals.BilledDurationEstimated);
        if (estimated > 0)
        {
            legend.Add(L($"{estimated} invocation(s) had no Billed Duration: computed by that rule.", $"{estimated} invocação(ões) sem Billed Duration: calculado por essa regra."));
        }

        legend.AddRange(notes.Workloads(summary));
        return new ReportTable("cost", L("Lambda cost per configuration", "Custo do Lambda por configuração"), columns, rows, legend);
    }

    public ReportTable Comparisons(SummaryResult summary)
    {
        var columns = new[]
        {
            // The candidate is the baseline with the one factor changed: naming the change instead of the candidate keeps
            // the table within a page's width (comparisons.csv names both).
            new TableColumn(L("Baseline", "Referência"), false),
            new TableColumn(L("Change", "Mudança"), false),
            new TableColumn(L("Metric", "Métrica"), false),
            new TableColumn(L("Median ratio", "Razão das medianas"), true),
            new TableColumn(L("95% CI", "IC 95%"), true),
            new TableColumn(L("Mann-Whitney p", "p de Mann-Whitney"), true),
            new TableColumn(L("Holm-adjusted p", "p ajustado (Holm)"), true),
            new TableColumn(L("Cliff's delta", "Delta de Cliff"), true),
        };
        // With rounds, the effect with the round as the unit beside the pooled one.
        var rounds = summary.Comparisons.Any(c => c.AcrossRounds is not null);
        if (rounds)
        {
            columns = [.. columns, new TableColumn(L("Across-round ratio", "Razão entre rodadas"), true), new TableColumn(L("95% CI", "IC 95%"), true)];
        }

        var rows = summary.Comparisons.Select(c => (IReadOnlyList<string>)
        [
            StratumName.Of(c.Baseline, c.Workload), $"{language.Factor(c.Factor)}: {c.BaselineValue} → {c.CandidateValue}", $"{ReportLanguage.Metric(c.Metric)} ({language.StartType(c.StartType)})",
            language.Fixed(c.MedianRatio, 3),
            Ratio(c.MedianRatioCi95),
            PValue(c.MannWhitneyPValue), c.HolmAdjustedPValue is { } holm ? PValue(holm) : "–", language.Fixed(c.CliffsDelta, 3),
            .. rounds ? [language.Fixed(c.AcrossRounds?.GeometricMeanRatio, 3), Ratio(c.AcrossRounds?.Ci95)] : Array.Empty<string>(),
        ]).ToList();
        var legend = new List<string>
        {
            L("Configurations of the same platform that differ in exactly one of runtime, architecture and memory size (local and AWS configurations are never compared); the candidate is the baseline with the change applied. Ratio = candidate median / baseline median (< 1: candidate faster).",
              "Configurações da mesma plataforma que diferem em exatamente um fator (runtime, arquitetura ou memória; configurações locais e da AWS nunca são comparadas); a candidata é a referência com a mudança aplicada. Razão = mediana da candidata / mediana da referência (< 1: candidata mais rápida)."),
            L($"95% CI of the ratio: {ConfigurationComparer.RatioMethod} ({ConfigurationComparer.BootstrapSeed}); none below {MinimumSampleSizes.BootstrapRatioPerSide} values a side.",
              $"IC 95% da razão: bootstrap percentil, {ConfigurationComparer.BootstrapResamples} reamostragens, semente fixa ({ConfigurationComparer.BootstrapSeed}); inexistente abaixo de {MinimumSampleSizes.BootstrapRatioPerSide} valores por lado."),
            L($"p: {MannWhitneyTest.Description}. Cliff's delta in [−1, 1]: > 0 means the candidate's values tend to be larger.",
              "p: teste U de Mann-Whitney bilateral (exato abaixo de 50 valores por lado sem empates; senão aproximação normal com correções de empates e de continuidade). Delta de Cliff em [−1, 1]: > 0 indica valores da candidata tipicamente maiores."),
            L("Warm rows compare Duration; cold rows compare Init Duration. The pooled sample of all invocations is not compared: its share of cold starts is the protocol's, so a difference there would be the mix's.",
              "Linhas quentes comparam Duration; linhas frias comparam Init Duration. A amostra agregada de todas as invocações não é comparada: sua parcela de partidas a frio é a do protocolo, e uma diferença ali seria da mistura."),
            L($"Holm-adjusted p: {HolmAdjustment.Method} ({summary.Comparisons.Count} rows), which bounds the chance of any false positive among them at the nominal level; judge differences by it, not by the raw p.",
              $"p ajustado (Holm): ajuste sequencial de Holm sobre todas as linhas de comparação do relatório ({summary.Comparisons.Count} linhas), que limita a chance de qualquer falso positivo entre elas ao nível nominal; julgue as diferenças por ele, não pelo p bruto."),
        };
        if (rounds)
        {
            legend.Add(L($"Across-round ratio: {PairedRoundRatio.Method} (k − 1 degrees of freedom, none below {MinimumSampleSizes.RoundsCi} rounds); rounds pair the two sides, so this is the effect with the round as the unit, and the one to report when it and the pooled ratio disagree.",
                $"Razão entre rodadas: {PairedRoundRatio.MethodPortuguese} (k − 1 graus de liberdade, inexistente com menos de {MinimumSampleSizes.RoundsCi} rodadas); as rodadas emparelham os dois lados, então este é o efeito com a rodada como unidade, e o que deve ser relatado quando ele e a razão agregada divergem."));
        }

        legend.AddRange(notes.Workloads(summary));
        return new ReportTable("comparisons", L("Pairwise comparisons of configurations", "Comparações entre pares de configurações"), columns, rows, legend);
    }

    private string Ms(double? value) => language.Fixed(value, 2);

    private string PercentInterval(ConfidenceInterval? ci) => language.PercentInterval(ci);

    private string Ratio(ConfidenceInterval? ci) => language.Interval(ci, 3);

    private string Interval(ConfidenceInterval? ci) => language.Interval(ci, 2);

    private string PValue(double p) => p < 0.001 ? "< " + language.Fixed(0.001, 3) : language.Fixed(p, 3);

    private string Count(long n) => n.ToString("N0", language.Numbers);
}
