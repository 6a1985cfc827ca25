namespace Lambench.Core.Cost;

/// <summary>Fargate on-demand Linux tasks: vCPU-hours and GB-hours per architecture, billed per second after a minimum.</summary>
public sealed class FargatePrices : SourcedPrice
{
    /// <summary>By architecture (x86_64, arm64).</summary>
    public Dictionary<string, FargateComputePrices> Compute { get; init; } = [];
    public int MinimumSeconds { get; init; }
}
