namespace Lambench.Core.Records;

/// <summary>The spellings of start types in CSV files and tables ("mix": both at a cold share the user declared, summaries only).</summary>
public static class StartTypeNames
{
    public const string Mix = "mix";
    public const string Warm = "warm";
    public const string Cold = "cold";

    public static string ToName(this StartType startType) => startType == StartType.Cold ? Cold : Warm;

    public static StartType Parse(string name) => name switch
    {
        Cold => StartType.Cold,
        Warm => StartType.Warm,
        _ => throw new FormatException($"start_type must be '{Warm}' or '{Cold}', not '{name}'"),
    };
}
