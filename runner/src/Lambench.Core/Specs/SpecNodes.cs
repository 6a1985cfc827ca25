using Lambench.Core.Vocabulary;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lambench.Core.Specs;

/// <summary>
/// Reads the values of a spec's YAML nodes and collects every problem with its line and field. A value is checked
/// before any default applies: a YAML null (<c>null</c>, <c>~</c>, nothing) is no value, so a required field given as
/// null is missing, never the text "null"; names of a vocabulary are matched exactly, so "AWS" is not "aws".
/// </summary>
public sealed class SpecNodes(string path)
{
    private readonly List<SpecError> _errors = [];

    public IReadOnlyList<SpecError> Errors => _errors;

    public void Error(YamlNode node, string field, string message) => _errors.Add(new SpecError(path, node.Start.Line, field, message));

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !IsNull(value) ? value : null;

    /// <summary>YAML's null: a plain <c>null</c>, <c>Null</c>, <c>NULL</c>, <c>~</c> or nothing at all (a quoted "null" is text).</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public string? Text(YamlMappingNode node, string key, bool required = false, string prefix = "")
    {
        switch (Child(node, key))
        {
            case null:
                if (required)
                {
                    Error(node.Children.TryGetValue(new YamlScalarNode(key), out var given) ? given : node, prefix + key, "required");
                }

                return null;
            case YamlScalarNode { Value: { Length: > 0 } value }:
                return value;
            case var other:
                Error(other, prefix + key, "must be a single value");
                return null;
        }
    }

    public string? Choice(YamlMappingNode node, string key, IReadOnlyList<string> allowed, bool required = false, string prefix = "")
    {
        var value = Text(node, key, required, prefix);
        if (value is not null && !allowed.Contains(value))
        {
            Error(Child(node, key)!, prefix + key, NotAllowed(value, allowed));
            return null;
        }

        return value;
    }

    /// <summary>A value of the vocabulary <typeparamref name="T"/>, spelled exactly as <see cref="Vocabulary{T}.Names"/> spells it.</summary>
    public T? Choice<T>(YamlMappingNode node, string key, bool required = false, string prefix = "")
        where T : struct, Enum =>
        Choice(node, key, Vocabulary<T>.Names, required, prefix) is { } name ? Vocabulary<T>.Parse(name) : null;

    public int? Integer(YamlMappingNode node, string key, string field, long min, long max, bool required = false, string? reason = null)
    {
        switch (Child(node, key))
        {
            case null:
                if (required)
                {
                    Error(node, field, "required");
                }

                return null;
            case YamlScalarNode { Value: { } text } scalar when long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value):
                if (value < min || value > max)
                {
                    Error(scalar, field, reason is not null && value < min ? $"{value}: {reason}" : $"{value} is outside {min} to {max}");
                    return null;
                }

                return (int)value;
            case var other:
                Error(other, field, $"'{Shown((other as YamlScalarNode)?.Value)}' is not a whole number");
                return null;
        }
    }

    /// <summary>A plain decimal number (<c>2</c>, <c>1.5</c>; no sign, exponent or thousands separator) within [min, max].</summary>
    public double? Number(YamlMappingNode node, string key, string field, double min, double max, bool required = false)
    {
        if (Child(node, key) is { } value)
        {
            return Number(value, field, min, max);
        }

        if (required)
        {
            Error(node, field, "required");
        }

        return null;
    }

    /// <summary>A node that must be a plain decimal number within [min, max] (a list's item, say); null, with the error, otherwise.</summary>
    public double? Number(YamlNode node, string field, double min, double max)
    {
        if (node is not YamlScalarNode { Value: { } text } scalar || !double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            Error(node, field, $"'{Shown((node as YamlScalarNode)?.Value)}' is not a number");
            return null;
        }

        if (value < min || value > max)
        {
            Error(scalar, field, string.Create(CultureInfo.InvariantCulture, $"{value} is outside {min} to {max}"));
            return null;
        }

        return value;
    }

    /// <summary>One value or a list of them; every value given once (a repeated one is an error naming it).</summary>
    public List<(string Value, YamlNode Node)> List(YamlMappingNode node, string field, string key, bool required = true)
    {
        List<(string Value, YamlNode Node)> values;
        switch (Child(node, key))
        {
            case YamlSequenceNode { Children.Count: > 0 } sequence:
                values = [];
                foreach (var child in sequence.Children)
                {
                    if (child is YamlScalarNode { Value.Length: > 0 } scalar && !IsNull(child))
                    {
                        values.Add((scalar.Value!, child));
                    }
                    else
                    {
                        Error(child, field, "each entry must be a single value");
                    }
                }

                break;
            case YamlScalarNode { Value: { Length: > 0 } single } scalar:
                values = [(single, scalar)];
                break;
            case var other:
                if (required || other is not null)
                {
                    Error(other ?? node, field, "required: one value or a list");
                }

                return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (value, at) in values.Where(v => !seen.Add(v.Value)))
        {
            Error(at, field, $"'{Shown(value)}' is listed twice: each configuration must differ");
        }

        return values.DistinctBy(v => v.Value, StringComparer.Ordinal).ToList();
    }

    public bool Allowed((string Value, YamlNode Node) item, string field, IReadOnlyList<string> allowed)
    {
        if (allowed.Contains(item.Value))
        {
            return true;
        }

        Error(item.Node, field, NotAllowed(item.Value, allowed));
        return false;
    }

    public void Unknown(YamlMappingNode node, string prefix, IReadOnlyList<string> known)
    {
        foreach (var key in node.Children.Keys.OfType<YamlScalarNode>().Where(k => !known.Contains(k.Value!)))
        {
            Error(key, prefix + Shown(key.Value), $"unknown field (known here: {string.Join(", ", known)})");
        }
    }

    /// <summary>The error for a value outside a vocabulary; says which allowed value it differs from only in case.</summary>
    private static string NotAllowed(string value, IReadOnlyList<string> allowed)
    {
        var caseOnly = allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
        return $"'{Shown(value)}' is not one of {string.Join(", ", allowed)}{(caseOnly is null ? string.Empty : $" (names are lower case as listed: write {caseOnly})")}";
    }

    /// <summary>A value quoted in a message, cut at 80 characters.</summary>
    public static string Shown(string? value) => value is null ? string.Empty : value.Length <= 80 ? value : value[..80] + "…";
}
