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
        var allWarm = new List<int>(rows.Length);
        var allCold = new List<int>();
        var successful = new List<int>(rows.Length);
        var warm = new List<int>(rows.Length);
        var cold = new List<int>();
        foreach (var row in rows)
        {
            var isCold = columns.IsCold(row);
            (isCold ? allCold : allWarm).Add(row);
            if (columns.IsSuccess(row))
            {
                successful.Add(row);
                (isCold ? cold : warm).Add(row);
            }
        }

        return new ConfigurationRows
        {
            All = rows, AllWarm = allWarm.ToArray(), AllCold = allCold.ToArray(),
            Successful = successful.ToArray(), Warm = warm.ToArray(), Cold = cold.ToArray(),
        };
    }

    /// <summary>Each configuration's rows, in input order, keyed by configuration in ordinal order.</summary>
    public static List<(string Configuration, int[] Rows)> GroupByConfiguration(InvocationColumns columns)
    {
        // Sources are few (one a file or log group): map each to its group once, then count and place rows.
        var names = columns.Sources.Select(s => s.Configuration).Distinct().Order(StringComparer.Ordinal).ToList();
        var groupOfSource = columns.Sources.Select(s => names.IndexOf(s.Configuration)).ToArray();
        var counts = new int[names.Count];
        foreach (var source in columns.SourceIndex)
        {
            counts[groupOfSource[source]]++;
        }

        var groups = counts.Select(n => new int[n]).ToArray();
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
