namespace Lambench.Core.Cost;

/// <summary>S3 Standard: stored GB-months (first tier), writes (PUT, COPY, POST, LIST) and reads (GET, SELECT) per thousand.</summary>
public sealed class S3StandardPrices : SourcedPrice
{
    public decimal UsdPerGbMonth { get; init; }
    public decimal UsdPerThousandWrites { get; init; }
    public decimal UsdPerThousandReads { get; init; }
}
