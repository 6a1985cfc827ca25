namespace Lambench.Core.Cost;

/// <summary>Standard workflows: every state transition, retries included, after a monthly free allowance that never expires.</summary>
public sealed class StepFunctionsStandardPrices : SourcedPrice
{
    public decimal UsdPerThousandTransitions { get; init; }
    public long FreeTransitionsPerMonth { get; init; }
}
