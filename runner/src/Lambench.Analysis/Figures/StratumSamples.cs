using Lambench.Core.Columns;
using Lambench.Core.Records;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Figures;

/// <summary>
/// The successful invocations of each stratum in the order they ran (by their REPORT timestamps where every row has
/// one, else in file order), with their start type: what the distribution, ECDF, histogram and drift figures draw.
/// Read from the columns, so a million rows are grouped without building a record each.
/// </summary>
public sealed class StratumSamples
{
    private StratumSamples(IReadOnlyList<StratumSample> strata) => Strata = strata;

    /// <summary>Strata in ordinal order of their names.</summary>
    public IReadOnlyList<StratumSample> Strata { get; }

    public static StratumSamples From(IReadOnlyList<InvocationRecord> invocations)
    {
        var columns = invocations is InvocationRecordList list ? list.Columns : InvocationColumns.From(invocations);
        var timed = Enumerable.Range(0, columns.Count).All(row => columns.TimestampUtc(row) is not null);
        var rows = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var row = 0; row < columns.Count; row++)
        {
            if (!columns.IsSuccess(row))
            {
                continue;
            }

            var stratum = StratumName.Of(columns.Source(row).Configuration, columns.Label(row));
            if (!rows.TryGetValue(stratum, out var members))
            {
                rows[stratum] = members = [];
            }

            members.Add(row);
        }

        var strata = rows.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s =>
        {
            // OrderBy is stable: rows with one timestamp keep their file order.
            var ordered = timed ? s.Value.OrderBy(row => columns.TimestampUtc(row)!.Value).ToList() : s.Value;
            return new StratumSample(s.Key, ordered.Select(row => columns.DurationMs[row]).ToArray(), ordered.Select(columns.IsCold).ToArray());
        }).ToList();
        return new StratumSamples(strata);
    }
}
