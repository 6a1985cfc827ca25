using System.Globalization;

namespace Lambench.Analysis;

/// <summary>
/// The language of tables and figures. Numbers in tables follow the language (pt-BR: decimal comma, as a Brazilian
/// thesis needs) through an explicit number format, never the machine's culture; CSV files stay invariant.
/// </summary>
public sealed class ReportLanguage
{
    public static readonly ReportLanguage English = new("en", new NumberFormatInfo { NumberDecimalSeparator = ".", NumberGroupSeparator = "," });
    public static readonly ReportLanguage BrazilianPortuguese = new("pt-BR", new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = "." });

    private ReportLanguage(string code, NumberFormatInfo numbers)
    {
        Code = code;
        Numbers = numbers;
    }

    public string Code { get; }
    public NumberFormatInfo Numbers { get; }
    public bool IsPortuguese => Code == "pt-BR";

    public static ReportLanguage Parse(string code) => code switch
    {
        "en" => English,
        "pt-BR" or "pt-br" or "pt" => BrazilianPortuguese,
        _ => throw new ArgumentException($"language must be 'en' or 'pt-BR', not '{code}'"),
    };

    /// <summary>Picks the text for this language.</summary>
    public string T(string english, string portuguese) => IsPortuguese ? portuguese : english;

    public string Fixed(double? value, int decimals) => value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers) : "–";

    public string Fixed(decimal? value, int decimals) => value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Numbers) : "–";

    public string Percent(double? fraction, int decimals = 1) => fraction is { } f ? Fixed(f * 100, decimals) + " %" : "–";

    /// <summary>"[lower; upper]" with fixed decimals, as every table writes an interval; "–" where there is none.</summary>
    public string Interval(Lambench.Core.Statistics.ConfidenceInterval? ci, int decimals) => ci is { } c ? $"[{Fixed(c.Lower, decimals)}; {Fixed(c.Upper, decimals)}]" : "–";

    /// <summary>"[lower %; upper %]" of a rate's interval; "–" where there is none.</summary>
    public string PercentInterval(Lambench.Core.Statistics.ConfidenceInterval? ci) => ci is { } c ? $"[{Percent(c.Lower)}; {Percent(c.Upper)}]" : "–";

    /// <summary>A comparison's factor as a table names it (memory_size_mb: "memory (MB)").</summary>
    public string Factor(string factor) => factor switch
    {
        "runtime" => "runtime",
        "architecture" => T("architecture", "arquitetura"),
        "memory_size_mb" => T("memory (MB)", "memória (MB)"),
        _ => factor,
    };

    /// <summary>A compared metric as a table names it: the REPORT field, not the CSV column.</summary>
    public static string Metric(string metric) => metric switch
    {
        "duration_ms" => "Duration",
        "init_duration_ms" => "Init Duration",
        _ => metric,
    };

    public string StartType(string startType) => startType switch
    {
        "mix" => T("mix", "mistura"),
        "warm" => T("warm", "quente"),
        "cold" => T("cold", "fria"),
        _ => startType,
    };
}
