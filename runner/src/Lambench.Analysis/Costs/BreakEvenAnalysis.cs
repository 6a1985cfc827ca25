using Lambench.Core.Cost;
using Lambench.Core.Records;

namespace Lambench.Analysis.Costs;

/// <summary>
/// The break-even of every configuration of a set of invocations: its successful warm invocations give the mean
/// Billed Duration (what Lambda bills) and the mean Duration (how long a request would hold a task, unless given).
/// </summary>
public static class BreakEvenAnalysis
{
    /// <param name="serviceTimeMs">the time a request holds a task, for every configuration; null: each one's mean warm Duration.</param>
    public static IReadOnlyList<(BreakEvenPoint Point, string Platform, int Invocations)> Points(IReadOnlyList<InvocationRecord> invocations, ContainerBreakEven model, decimal? serviceTimeMs = null) =>
        invocations
            .Where(r => r.Status == InvocationStatus.Success && r.StartType == StartType.Warm && r.BilledDurationMs is not null && r.Architecture is not null && r.MemorySizeMb is not null)
            .GroupBy(r => r.Configuration, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var billed = (decimal)g.Average(r => r.BilledDurationMs!.Value);
                var service = serviceTimeMs ?? (decimal)g.Average(r => r.DurationMs);
                return (model.Find(g.Key, Architectures.Normalise(first.Architecture!), first.MemorySizeMb!.Value, billed, service), first.Platform ?? "aws", g.Count());
            })
            .ToList();
}
