using System.Globalization;

namespace Lambench.Analysis.Tables;

/// <summary>
/// One cell of a report CSV, typed and rounded to what the measurement carries, so every writer (the invariant CSV,
/// the pt-BR copy, the workbook) shows the same number: milliseconds to 3 decimals (REPORT durations have 2; one guard
/// digit for means and interpolated percentiles), megabytes to 2, dimensionless values (rates, shares, ratios,
/// p-values, effect sizes) to 6 significant digits, money to 8 significant digits (prices have 6), counts whole.
/// </summary>
public readonly record struct CsvCell
{
    public const string RoundingRule = "milliseconds to 3 decimals (REPORT durations have 2), megabytes to 2, rates, ratios and p-values to 6 significant digits, USD to 8 significant digits (prices have 6), counts whole";

    private CsvCell(string? text, double? number, int decimals, int significant)
    {
        Text = text;
        Number = number;
        Decimals = decimals;
        Significant = significant;
    }

    /// <summary>The cell's text where it is text; null for a number or an empty cell.</summary>
    public string? Text { get; }

    /// <summary>The rounded value where the cell is a number; null where it is text or empty.</summary>
    public double? Number { get; }

    /// <summary>Fixed decimals of a number (-1: significant digits instead).</summary>
    public int Decimals { get; }

    public int Significant { get; }

    public bool IsEmpty => Text is null && Number is null;

    public static CsvCell Of(string? text) => new(string.IsNullOrEmpty(text) ? null : text, null, -1, 0);

    public static CsvCell Integer(long? value) => new(null, value, 0, 0);

    public static CsvCell Milliseconds(double? value) => Fixed(value, 3);

    public static CsvCell Megabytes(double? value) => Fixed(value, 2);

    public static CsvCell Fraction(double? value) => Digits(value, 6);

    public static CsvCell Money(decimal? value) => Digits((double?)value, 8);

    public static CsvCell Fixed(double? value, int decimals) => new(null, value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero) : null, decimals, 0);

    public static CsvCell Digits(double? value, int significant) =>
        new(null, value is { } v ? double.Parse(v.ToString("G" + significant.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null, -1, significant);

    /// <summary>The cell as a CSV writes it with <paramref name="numbers"/>' decimal separator (no grouping).</summary>
    public string Format(NumberFormatInfo numbers)
    {
        if (Number is not { } value)
        {
            return Text ?? string.Empty;
        }

        if (Decimals >= 0)
        {
            return value.ToString("0." + new string('#', Decimals), numbers);
        }

        // Significant digits in plain notation (0.000025230050, not 2.523005E-05), which every spreadsheet reads; only
        // tiny values (p-values down to 1e-203) keep an exponent.
        var magnitude = Math.Abs(value);
        if (value == 0 || magnitude is >= 1e-9 and < 1e15)
        {
            var decimals = value == 0 ? 0 : Math.Max(0, Significant - 1 - (int)Math.Floor(Math.Log10(magnitude)));
            return value.ToString("0." + new string('#', decimals), numbers);
        }

        return value.ToString("G" + Significant.ToString(CultureInfo.InvariantCulture), numbers);
    }

    /// <summary>The spreadsheet number format that shows the cell as the CSV does.</summary>
    public string SpreadsheetFormat => Decimals switch
    {
        0 => "0",
        > 0 => "0." + new string('0', Decimals),
        _ => "General",
    };
}
