using System.Reflection;
using System.Text.Json.Serialization;

namespace Lambench.Core.Vocabulary;

/// <summary>
/// The spellings of one closed vocabulary (platform, channel, workload, step kind ...): each enum member's
/// <see cref="JsonStringEnumMemberNameAttribute"/>, so files, specs and messages spell a value one way, and JSON
/// (de)serialisation, which reads the same attribute, agrees with them.
/// </summary>
public static class Vocabulary<T>
    where T : struct, Enum
{
    private static readonly (T Value, string Name)[] Members = typeof(T)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => ((T)f.GetValue(null)!, f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{typeof(T).Name}.{f.Name} has no JsonStringEnumMemberName")))
        .ToArray();

    /// <summary>Every spelling, in declaration order (the order help texts and errors list them in).</summary>
    public static IReadOnlyList<string> Names { get; } = Members.Select(m => m.Name).ToArray();

    public static string Name(T value)
    {
        foreach (var member in Members)
        {
            if (EqualityComparer<T>.Default.Equals(member.Value, value))
            {
                return member.Name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}");
    }

    /// <summary>The value spelled exactly <paramref name="name"/> (case matters: "AWS" is not "aws").</summary>
    public static bool TryParse(string? name, out T value)
    {
        foreach (var member in Members)
        {
            if (string.Equals(member.Name, name, StringComparison.Ordinal))
            {
                value = member.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <exception cref="FormatException">not one of <see cref="Names"/>.</exception>
    public static T Parse(string name) =>
        TryParse(name, out var value) ? value : throw new FormatException($"'{name}' is not a {typeof(T).Name.ToLowerInvariant()} (expected one of {string.Join(", ", Names)})");
}
