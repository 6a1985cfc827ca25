namespace Lambench.Core.Vocabulary;

/// <summary><c>value.Name()</c>: a vocabulary value as files, specs and messages spell it.</summary>
public static class VocabularyNames
{
    public static string Name<T>(this T value)
        where T : struct, Enum => Vocabulary<T>.Name(value);
}
