namespace Lambench.Core.Text;

/// <summary>
/// A piece of text quoted in a message (a log line, an AWS error): at most 200 characters, then "…", so a huge line or
/// answer never floods the console.
/// </summary>
public static class Excerpt
{
    public const int MaxLength = 200;

    public static string Of(ReadOnlySpan<char> text) => text.Length <= MaxLength ? text.ToString() : string.Concat(text[..MaxLength], "…");
}
