namespace Lambench.Core.Cost;

/// <summary>Every priced item says where its figures come from and whether they were confirmed for the region.</summary>
public abstract class SourcedPrice
{
    public string Source { get; init; } = "";
    public bool Confirmed { get; init; }
}
