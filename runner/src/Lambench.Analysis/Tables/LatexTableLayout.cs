namespace Lambench.Analysis.Tables;

/// <summary>
/// How a table is laid out to fit the text width of an A4 page with ABNT margins (3 cm and 2 cm: 455 pt) at
/// \footnotesize: long text columns become tabularx X columns that wrap, headers break into lines, and when the
/// numeric columns still do not fit they are split into parts, each repeating the identity columns (the leading text
/// columns). Widths are estimated from character counts (Latin Modern at 8 pt: about 4.4 pt a character), with
/// room to spare; the compile test holds the estimate to account.
/// </summary>
public sealed class LatexTableLayout
{
    /// <summary>The width the parts are fitted to, below the 455 pt of A4 with ABNT margins.</summary>
    public const double BudgetPoints = 430;

    private const double PointsPerCharacter = 4.2;
    private const double ColumnPadding = 6; // \tabcolsep = 3pt on each side
    private const double WrappingMinimum = 58;
    private const int HeaderLineLength = 11;

    private LatexTableLayout(IReadOnlyList<int> identity, IReadOnlyList<IReadOnlyList<int>> parts, IReadOnlySet<int> wrapping)
    {
        Identity = identity;
        Parts = parts;
        Wrapping = wrapping;
    }

    /// <summary>The leading text columns, repeated in every part.</summary>
    public IReadOnlyList<int> Identity { get; }

    /// <summary>The other columns, in groups that each fit beside the identity columns.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Parts { get; }

    /// <summary>Text columns set as X (wrapping) columns.</summary>
    public IReadOnlySet<int> Wrapping { get; }

    public static LatexTableLayout Of(ReportTable table)
    {
        var count = table.Columns.Count;
        var identity = Enumerable.Range(0, count).TakeWhile(c => !table.Columns[c].AlignRight).ToList();
        var rest = Enumerable.Range(identity.Count, count - identity.Count).ToList();
        var natural = Enumerable.Range(0, count).Select(c => Natural(table, c)).ToArray();
        // A text column longer than its header's lines wraps when it is the widest text, or wider than 16 characters.
        var wrapping = Enumerable.Range(0, count).Where(c => !table.Columns[c].AlignRight && natural[c] > 16 * PointsPerCharacter + ColumnPadding).ToHashSet();
        if (wrapping.Count == 0 && identity.Count > 0)
        {
            wrapping.Add(identity[0]); // tabularx needs one X column; the first identity column stretches
        }

        double Width(int c) => wrapping.Contains(c) ? Math.Min(natural[c], WrappingMinimum) : natural[c];
        var fixedIdentity = identity.Sum(Width);
        var parts = new List<IReadOnlyList<int>>();
        var current = new List<int>();
        var used = fixedIdentity;
        foreach (var c in rest)
        {
            if (current.Count > 0 && used + Width(c) > BudgetPoints)
            {
                parts.Add(current);
                current = [];
                used = fixedIdentity;
            }

            current.Add(c);
            used += Width(c);
        }

        if (current.Count > 0 || parts.Count == 0)
        {
            parts.Add(current);
        }

        return new LatexTableLayout(identity, Balanced(parts, rest, c => Width(c), fixedIdentity), wrapping);
    }

    /// <summary>
    /// The same number of parts with the columns spread evenly (5 + 2 becomes 4 + 3), where every part still fits: the
    /// first parts, filled greedily, would leave their wrapping columns the least room.
    /// </summary>
    private static List<IReadOnlyList<int>> Balanced(List<IReadOnlyList<int>> greedy, List<int> columns, Func<int, double> width, double identityWidth)
    {
        if (greedy.Count < 2)
        {
            return greedy;
        }

        var size = (int)Math.Ceiling(columns.Count / (double)greedy.Count);
        var even = columns.Chunk(size).Select(chunk => (IReadOnlyList<int>)chunk).ToList();
        return even.Count == greedy.Count && even.All(part => identityWidth + part.Sum(width) <= BudgetPoints) ? even : greedy;
    }

    /// <summary>A header broken into lines of about 11 characters at spaces, a unit in parentheses on a line of its own.</summary>
    public static IReadOnlyList<string> HeaderLines(string header)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in header.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var unit = word.StartsWith('(') && word.EndsWith(')');
            if (line.Length > 0 && (unit || line.Length + 1 + word.Length > HeaderLineLength))
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = line.Length == 0 ? word : line + " " + word;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The column's width unwrapped: its longest cell or header line, plus padding.</summary>
    private static double Natural(ReportTable table, int column)
    {
        var longest = table.Rows.Select(r => Visible(r[column])).Append(HeaderLines(table.Columns[column].Header).Max(Visible)).Max();
        return longest * PointsPerCharacter + ColumnPadding;
    }

    /// <summary>Characters as printed: a symbol LaTeX sets in math (·, →, ≥) counts about two.</summary>
    private static int Visible(string text) => text.Length + text.Count(c => c is '·' or '→' or '≥' or '≤' or '×' or '±');
}
