namespace Lambench.Core.Workflows;

/// <summary>An architecture's monthly cost at one volume: every line, per service and in total, with the figures it used.</summary>
public sealed record WorkflowCost(WorkflowSpec Spec, double Multiplier, double ExecutionsPerMonth, IReadOnlyList<CostLine> Lines, string PriceOrigin, string PricedRegion)
{
    public decimal TotalUsd => Lines.Sum(l => l.CostUsd);

    /// <summary>Every service the architecture uses, in table order, with its cost after its free tier (never below zero).</summary>
    public IReadOnlyList<(CloudService Service, decimal CostUsd)> ByService =>
        Lines.GroupBy(l => l.Service).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(l => l.CostUsd))).ToList();

    /// <summary>The price file's keys this cost used, in order of first use.</summary>
    public IReadOnlyList<string> PriceKeys => Lines.Select(l => l.PriceKey).Distinct(StringComparer.Ordinal).ToList();
}
