using Lambench.Core.Statistics;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Tables;

/// <summary>One round of one summary row: a line of rounds.csv.</summary>
public sealed record RoundCsvRow(ConfigurationSummary Summary, RoundSample Round)
{
    /// <summary>Every round of every summary row that has rounds, in summary order.</summary>
    public static IEnumerable<RoundCsvRow> Of(IEnumerable<ConfigurationSummary> rows) =>
        rows.Where(r => r.Rounds is not null).SelectMany(r => r.Rounds!.PerRound.Select(round => new RoundCsvRow(r, round)));
}
