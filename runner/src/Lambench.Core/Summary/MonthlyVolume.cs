using System.Globalization;

namespace Lambench.Core.Summary;

/// <summary>
/// A monthly invocation volume as a user writes it: digits (5000000) or exponent notation (5e6), whole and from 0,
/// never with thousands separators (5,000,000 and 5.000.000 mean different things in different locales). The command
/// line and the scripts both read it here.
/// </summary>
public static class MonthlyVolume
{
    public static bool TryParse(string text, out long volume)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out volume))
        {
            return true;
        }

        // 5e6: a float in exponent notation that is a whole number within range.
        if (text.Contains('e', StringComparison.OrdinalIgnoreCase) && !text.Contains(',', StringComparison.Ordinal)
            && double.TryParse(text, NumberStyles.AllowExponent | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            && value >= 0 && value <= 1e15 && value == Math.Floor(value))
        {
            volume = (long)value;
            return true;
        }

        volume = 0;
        return false;
    }

    public static string Error(string option, string text) =>
        $"{option}: '{text.Trim()}' is not a whole number of invocations from 0 (write 5000000 or 5e6, without thousands separators)";
}
