namespace Lambench.Core.Cost;

public sealed class FargateComputePrices
{
    public decimal UsdPerVcpuHour { get; init; }
    public decimal UsdPerGbHour { get; init; }
}
