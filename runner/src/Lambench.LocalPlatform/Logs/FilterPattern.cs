namespace Lambench.LocalPlatform.Logs;

/// <summary>
/// CloudWatch Logs' term filter patterns: every term must occur (case-sensitive), "quoted phrases" included; ?term
/// makes a term one of several alternatives; -term excludes. JSON and space-delimited patterns are refused.
/// </summary>
public sealed class FilterPattern
{
    private readonly List<string> required = [];
    private readonly List<string> optional = [];
    private readonly List<string> excluded = [];

    private FilterPattern()
    {
    }

    /// <exception cref="FormatException">a pattern form the local platform does not implement.</exception>
    public static FilterPattern Parse(string? pattern)
    {
        var result = new FilterPattern();
        var text = (pattern ?? string.Empty).Trim();
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            throw new FormatException("JSON and space-delimited filter patterns are not supported locally; use terms such as REPORT or \"Task timed out\"");
        }

        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var list = result.required;
            if (text[i] is '?' or '-')
            {
                list = text[i] == '?' ? result.optional : result.excluded;
                i++;
            }

            string term;
            if (i < text.Length && text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException($"unterminated quote in filter pattern: {text}");
                }

                term = text[(i + 1)..end];
                i = end + 1;
            }
            else
            {
                var end = i;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                term = text[i..end];
                i = end;
            }

            if (term.Length > 0)
            {
                list.Add(term);
            }
        }

        return result;
    }

    public bool Matches(string message) =>
        required.All(t => message.Contains(t, StringComparison.Ordinal))
        && (optional.Count == 0 || optional.Any(t => message.Contains(t, StringComparison.Ordinal)))
        && !excluded.Any(t => message.Contains(t, StringComparison.Ordinal));
}
