using System.Globalization;
using System.Text.RegularExpressions;

namespace Lambench.LocalPlatform.Logs;

/// <summary>
/// The part of the Logs Insights query language that fetching log lines needs: <c>fields</c> (@timestamp, @message,
/// @logStream, @log), <c>filter @message like /regex/</c> or <c>like "text"</c> (several joined by <c>or</c>),
/// <c>sort @timestamp asc|desc</c> and <c>limit N</c>. Anything else is refused by name, never half-understood.
/// </summary>
public sealed class InsightsQuery
{
    /// <summary>What a query returns when it says no limit (the documented default).</summary>
    public const int DefaultLimit = 10_000;

    private static readonly string[] KnownFields = ["@timestamp", "@message", "@logStream", "@log"];

    private readonly List<Regex> filters = [];

    private InsightsQuery()
    {
    }

    public IReadOnlyList<string> Fields { get; private set; } = ["@timestamp", "@message"];
    public bool Descending { get; private set; }
    public int? Limit { get; private set; }

    /// <exception cref="FormatException">a command or form outside the subset, with what is supported.</exception>
    public static InsightsQuery Parse(string text)
    {
        var query = new InsightsQuery();
        foreach (var raw in SplitCommands(text))
        {
            var command = raw.Trim();
            if (command.Length == 0)
            {
                continue;
            }

            var verb = command.Split(' ', 2)[0];
            var rest = command.Length > verb.Length ? command[verb.Length..].Trim() : string.Empty;
            switch (verb)
            {
                case "fields":
                    var fields = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                    if (fields.FirstOrDefault(f => !KnownFields.Contains(f)) is { } unknown)
                    {
                        throw new FormatException($"the local platform's Logs Insights knows the fields {string.Join(", ", KnownFields)}, not '{unknown}'");
                    }

                    query.Fields = fields;
                    break;
                case "filter":
                    foreach (var alternative in Regex.Split(rest, @"\s+or\s+"))
                    {
                        query.filters.Add(Like(alternative.Trim()));
                    }

                    break;
                case "sort":
                    var parts = rest.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (parts.Length is < 1 or > 2 || parts[0] != "@timestamp" || (parts.Length == 2 && parts[1] is not ("asc" or "desc")))
                    {
                        throw new FormatException($"sort is supported as 'sort @timestamp asc' or 'desc', not 'sort {rest}'");
                    }

                    query.Descending = parts.Length == 1 || parts[1] == "desc";
                    break;
                case "limit":
                    query.Limit = int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= DefaultLimit
                        ? limit
                        : throw new FormatException($"limit takes a number from 1 to {DefaultLimit}, not '{rest}'");
                    break;
                default:
                    throw new FormatException($"the local platform's Logs Insights supports fields, filter @message like, sort @timestamp and limit, not '{verb}'");
            }
        }

        return query;
    }

    /// <summary>The matching events of the groups, sorted and limited; the first count is what matched before the limit.</summary>
    public (int Matched, IReadOnlyList<(string Group, LogEvent Event)> Rows) Run(IEnumerable<(string Group, LogEvent Event)> events)
    {
        var matched = events.Where(e => filters.All(f => f.IsMatch(e.Event.Message))).ToList();
        var sorted = Descending
            ? matched.OrderByDescending(e => e.Event.TimestampMs).ThenByDescending(e => e.Event.Sequence)
            : matched.OrderBy(e => e.Event.TimestampMs).ThenBy(e => e.Event.Sequence);
        return (matched.Count, sorted.Take(Limit ?? DefaultLimit).ToList());
    }

    /// <summary>A row as GetQueryResults gives it: the asked fields, then @ptr. @timestamp is "yyyy-MM-dd HH:mm:ss.fff" in UTC.</summary>
    public IReadOnlyList<(string Field, string Value)> Row(string group, LogEvent logEvent)
    {
        var row = Fields.Select(field => (field, field switch
        {
            "@timestamp" => DateTimeOffset.FromUnixTimeMilliseconds(logEvent.TimestampMs).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture),
            "@message" => logEvent.Message,
            "@logStream" => logEvent.StreamName,
            _ => "000000000000:" + group,
        })).ToList();
        row.Add(("@ptr", logEvent.EventId));
        return row;
    }

    private static Regex Like(string condition)
    {
        var match = Regex.Match(condition, """^@message\s+like\s+(?:/(?<regex>.*)/|"(?<text>[^"]*)")$""");
        if (!match.Success)
        {
            throw new FormatException($"filter is supported as '@message like /regex/' or '@message like \"text\"' (joined by or), not '{condition}'");
        }

        try
        {
            return match.Groups["regex"].Success
                ? new Regex(match.Groups["regex"].Value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                : new Regex(Regex.Escape(match.Groups["text"].Value), RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"not a regular expression: {e.Message}", e);
        }
    }

    /// <summary>Splits on | outside /regex/ and "text".</summary>
    private static IEnumerable<string> SplitCommands(string text)
    {
        var start = 0;
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (quote is { } open)
            {
                if (text[i] == open && text[i - 1] != '\\')
                {
                    quote = null;
                }
            }
            else if (text[i] is '"' or '/')
            {
                quote = text[i];
            }
            else if (text[i] == '|')
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }
}
