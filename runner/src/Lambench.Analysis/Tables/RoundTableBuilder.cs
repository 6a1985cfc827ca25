using System.Globalization;
using Lambench.Core.Statistics;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>
/// The rounds table of a replicated run: per stratum and start type, the comparison metric with the round as the unit
/// of replication (mean of the round medians with its interval across rounds) and the variance split into within- and
/// between-round parts, so a reader sees how much of the spread the single-session intervals cannot show.
/// </summary>
public sealed class RoundTableBuilder(ReportLanguage language)
{
    private string L(string en, string pt) => language.T(en, pt);

    /// <summary>The table, or null when no row has rounds.</summary>
    public ReportTable? Build(SummaryResult summary)
    {
        var withRounds = summary.Rows.Where(r => r.Rounds is not null).ToList();
        if (withRounds.Count == 0)
        {
            return null;
        }

        var columns = new[]
        {
            new TableColumn(L("Configuration", "Configuração"), false),
            new TableColumn(L("Start", "Início"), false),
            new TableColumn(L("Metric", "Métrica"), false),
            new TableColumn(L("Rounds", "Rodadas"), true),
            new TableColumn(L("n per round", "n por rodada"), true),
            new TableColumn(L("Mean of round medians (ms)", "Média das medianas das rodadas (ms)"), true),
            new TableColumn(L("95% CI across rounds (ms)", "IC 95% entre rodadas (ms)"), true),
            new TableColumn(L("SD of round medians (ms)", "DP das medianas das rodadas (ms)"), true),
            new TableColumn(L("Within-round SD (ms)", "DP dentro das rodadas (ms)"), true),
            new TableColumn(L("Between-round SD (ms)", "DP entre rodadas (ms)"), true),
            new TableColumn(L("Between-round share", "Parcela entre rodadas"), true),
        };
        var rows = withRounds.Select(r => (IReadOnlyList<string>)
        [
            r.Stratum, language.StartType(r.StartType), r.RoundMetric == "init_duration_ms" ? "Init Duration" : "Duration",
            r.Rounds!.Rounds.ToString(CultureInfo.InvariantCulture), PerRoundN(r.Rounds), Ms(r.Rounds.MedianMean), language.Interval(r.Rounds.MedianMeanCi95, 2),
            Ms(r.Rounds.MedianSd), Ms(r.Rounds.WithinRoundSd), Ms(r.Rounds.BetweenRoundSd), language.Percent(r.Rounds.BetweenRoundShare),
        ]).ToList();
        var legend = new List<string>
        {
            L("Each round is a full pass of the protocol over every configuration, on fresh execution environments; invocations of one round share its environments and moment, so the round, not the invocation, is the unit of replication.",
              "Cada rodada é uma passada completa do protocolo por todas as configurações, em ambientes de execução novos; as invocações de uma rodada compartilham seus ambientes e seu momento, então a unidade de replicação é a rodada, não a invocação."),
            L("Warm rows describe Duration, cold rows Init Duration (the metrics the comparisons use), successful invocations only. A round's median uses linear interpolation.",
              "Linhas quentes descrevem Duration, linhas frias Init Duration (as métricas das comparações), só invocações bem-sucedidas. A mediana de uma rodada usa interpolação linear."),
            L($"95% CI across rounds: Student's t interval of the mean of the round medians, k − 1 degrees of freedom; none below {MinimumSampleSizes.RoundsCi} rounds.",
              $"IC 95% entre rodadas: intervalo t de Student da média das medianas das rodadas, k − 1 graus de liberdade; inexistente com menos de {MinimumSampleSizes.RoundsCi} rodadas."),
            L($"Within- and between-round SD: {RoundStatistics.Method}; the between-round share is the intraclass correlation, the part of the variance that intervals from a single session cannot see.",
              $"DP dentro e entre rodadas: {RoundStatistics.MethodPortuguese}; a parcela entre rodadas é a correlação intraclasse, a parte da variância que intervalos de uma única sessão não enxergam."),
            L("Every round's n, median and mean are in rounds.csv.", "O n, a mediana e a média de cada rodada estão em rounds.csv."),
        };
        return new ReportTable("rounds", L("Variation between rounds (replicated runs)", "Variação entre rodadas (execuções replicadas)"), columns, rows, legend);
    }

    private static string PerRoundN(RoundStatistics rounds)
    {
        var (min, max) = (rounds.PerRound.Min(r => r.N), rounds.PerRound.Max(r => r.N));
        return min == max ? min.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{min}–{max}");
    }

    private string Ms(double? value) => language.Fixed(value, 2);
}
