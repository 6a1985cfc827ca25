namespace Lambench.Core.Records;

/// <summary>Lambda's two instruction set architectures, spelled as Lambda spells them.</summary>
public static class Architectures
{
    public const string Arm64 = "arm64";
    public const string X86_64 = "x86_64";

    public static string Normalise(string value) => value.Trim().ToLowerInvariant() switch
    {
        "arm64" or "aarch64" => Arm64,
        "x86_64" or "x86-64" or "amd64" or "x64" => X86_64,
        _ => throw new FormatException($"architecture must be '{Arm64}' or '{X86_64}', not '{value}'"),
    };
}
