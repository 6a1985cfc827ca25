namespace Lambench.Core.Cost;

/// <summary>Express workflows: each started execution, and its duration (rounded up) times its memory (in chunks), in monthly tiers.</summary>
public sealed class StepFunctionsExpressPrices : SourcedPrice
{
    public decimal UsdPerMillionRequests { get; init; }

    /// <summary>Ascending by GB-hours a month; the last tier has no upper bound.</summary>
    public List<ExpressDurationTier> Tiers { get; init; } = [];
    public int DurationIncrementMs { get; init; }
    public int MemoryChunkMb { get; init; }
}
