using Lambench.Core.Columns;

namespace Lambench.Core.Summary;

/// <summary>
/// One configuration's rows (indices into <see cref="InvocationColumns"/>) split the ways the summary needs them:
/// every invocation, and successful ones, each by start type. Latency uses the successful sets, costs and failure
/// rates every invocation.
/// </summary>
internal sealed class ConfigurationRows
{
    public required int[] All { get; init; }
    public required int[] AllWarm { get; init; }
    public required int[] AllCold { get; init; }
    public required int[] Successful { get; init; }
    public required int[] Warm { get; init; }
    public required int[] Cold { get; init; }

    public static ConfigurationRows Of(InvocationColumns columns, int[] rows)
    {
        // Two passes, count then fill, so each set is one exact array (a million rows are not copied through lists).
        int coldCount = 0, successfulCount = 0, successfulColdCount = 0;
        foreach (var row in rows)
        {
            var isCold = columns.IsCold(row);
            var isSuccess = columns.IsSuccess(row);
            coldCount += isCold ? 1 : 0;
            successfulCount += isSuccess ? 1 : 0;
            successfulColdCount += isCold && isSuccess ? 1 : 0;
        }

        var split = new ConfigurationRows
        {
            // Every element is written below: uninitialised, and large ones on huge pages.
            All = rows, AllWarm = LargeArray.Allocate<int>(rows.Length - coldCount), AllCold = LargeArray.Allocate<int>(coldCount),
            Successful = LargeArray.Allocate<int>(successfulCount), Warm = LargeArray.Allocate<int>(successfulCount - successfulColdCount), Cold = LargeArray.Allocate<int>(successfulColdCount),
        };
        int allWarm = 0, allCold = 0, successful = 0, warm = 0, cold = 0;
        foreach (var row in rows)
        {
            var isCold = columns.IsCold(row);
            if (isCold)
            {
                split.AllCold[allCold++] = row;
            }
            else
            {
                split.AllWarm[allWarm++] = row;
            }

            if (columns.IsSuccess(row))
            {
                split.Successful[successful++] = row;
                if (isCold)
                {
                    split.Cold[cold++] = row;
                }
                else
                {
                    split.Warm[warm++] = row;
                }
            }
        }

        return split;
    }

    /// <summary>
    /// Each stratum's rows, in input order: a configuration and, where the functions logged batch labels, a workload
    /// (rows without a label form their own stratum, workload null). Ordered by configuration, then workload (ordinal).
    /// </summary>
    public static List<(string Configuration, string? Workload, int[] Rows)> GroupByStratum(InvocationColumns columns)
    {
        var strata = new List<(string, string?, int[])>();
        foreach (var (configuration, rows) in GroupByConfiguration(columns))
        {
            var first = rows.Length > 0 ? columns.Label(rows[0]) : null;
            if (rows.All(row => columns.Label(row) == first))
            {
                strata.Add((configuration, first, rows));
                continue;
            }

            strata.AddRange(rows.GroupBy(columns.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (configuration, g.Key, g.ToArray())));
        }

        return strata;
    }

    /// <summary>Each configuration's rows, in input order, keyed by configuration in ordinal order.</summary>
    private static List<(string Configuration, int[] Rows)> GroupByConfiguration(InvocationColumns columns)
    {
        // Sources are few (one a file or log group): map each to its group once, then count and place rows.
        var names = columns.Sources.Select(s => s.Configuration).Distinct().Order(StringComparer.Ordinal).ToList();
        var groupOfSource = columns.Sources.Select(s => names.IndexOf(s.Configuration)).ToArray();
        var counts = new int[names.Count];
        foreach (var source in columns.SourceIndex)
        {
            counts[groupOfSource[source]]++;
        }

        var groups = counts.Select(LargeArray.Allocate<int>).ToArray();
        var filled = new int[names.Count];
        var sources = columns.SourceIndex;
        for (var row = 0; row < sources.Length; row++)
        {
            var group = groupOfSource[sources[row]];
            groups[group][filled[group]++] = row;
        }

        return names.Select((name, i) => (name, groups[i])).Where(g => g.Item2.Length > 0).ToList();
    }
}
