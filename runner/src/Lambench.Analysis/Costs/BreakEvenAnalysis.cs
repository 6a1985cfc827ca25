using Lambench.Core.Cost;
using Lambench.Core.Records;

namespace Lambench.Analysis.Costs;

/// <summary>
/// The break-even of every configuration of a set of invocations, priced as the report's cost is: the mean Billed
/// Duration of its warm invocations, failed ones too (Lambda bills them), is what Lambda costs; the mean Duration of
/// the successful ones is how long a request would hold a task, unless given.
/// </summary>
public static class BreakEvenAnalysis
{
    /// <param name="serviceTimeMs">the time a request holds a task, for every configuration; null: each one's mean warm Duration.</param>
    public static IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> Points(IReadOnlyList<InvocationRecord> invocations, ContainerBreakEven model, decimal? serviceTimeMs = null) =>
        Priced(invocations)
            .Where(g => serviceTimeMs is not null || g.Any(r => r.Status == InvocationStatus.Success && r.DurationMs > 0))
            .Where(g => !Mixes(g))
            .Select(g =>
            {
                var first = g.First();
                var billed = (decimal)g.Average(r => r.BilledDurationMs!.Value);
                var successful = g.Where(r => r.Status == InvocationStatus.Success).ToList();
                var service = serviceTimeMs ?? (successful.Count > 0 ? (decimal)successful.Average(r => r.DurationMs) : 0);
                return (model.Find(g.Key, Architectures.Normalise(first.Architecture!), first.MemorySizeMb!.Value, billed, service), first.Platform ?? "aws", g.Count());
            })
            .ToList();

    /// <summary>Configurations whose warm invocations mix memory sizes or architectures: one price cannot stand for them, so they are left out (as the report leaves them unpriced).</summary>
    public static IReadOnlyList<string> Mixed(IReadOnlyList<InvocationRecord> invocations) =>
        Priced(invocations).Where(Mixes).Select(g => g.Key).ToList();

    /// <summary>The warm invocations that can be priced (a Billed Duration, an architecture, a memory size), by configuration in name order.</summary>
    private static IEnumerable<IGrouping<string, InvocationRecord>> Priced(IReadOnlyList<InvocationRecord> invocations) =>
        invocations
            .Where(r => r.StartType == StartType.Warm && r.BilledDurationMs is not null && r.Architecture is not null && r.MemorySizeMb is not null)
            .GroupBy(r => r.Configuration, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);

    private static bool Mixes(IGrouping<string, InvocationRecord> rows) =>
        rows.Select(r => (Architectures.Normalise(r.Architecture!), r.MemorySizeMb)).Distinct().Count() > 1;
}
