namespace Lambench.Core.Cost;

/// <summary>Step Functions: standard workflows by state transition, express workflows by request and GB-second.</summary>
public sealed class StepFunctionsPrices
{
    public StepFunctionsStandardPrices Standard { get; init; } = new();
    public StepFunctionsExpressPrices Express { get; init; } = new();
}
