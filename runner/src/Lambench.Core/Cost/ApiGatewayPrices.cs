namespace Lambench.Core.Cost;

public sealed class ApiGatewayPrices
{
    public HttpApiPrices HttpApi { get; init; } = new();
}
