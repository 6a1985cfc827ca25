namespace Lambench.Notebooks;

/// <summary>What <c>display(...)</c> returns, as in Polyglot; a cell ending in display(x) does not show x twice.</summary>
public sealed class DisplayedValue
{
    internal DisplayedValue(object? value) => Value = value;

    public object? Value { get; }
}
