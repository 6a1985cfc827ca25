namespace Lambench.Core.Cost;

public sealed class LambdaPrices
{
    /// <summary>Keyed by architecture: "x86_64", "arm64".</summary>
    public Dictionary<string, ComputePrices> Compute { get; init; } = [];
    public RequestPrices Requests { get; init; } = new();
    public EphemeralStoragePrices EphemeralStorage { get; init; } = new();
    public FreeTier FreeTier { get; init; } = new();
    public InitBillingRule InitBilling { get; init; } = new();
}
