using System.Globalization;

namespace Lambench.Core.Summary;

/// <summary>How a user writes the cold share of a production mix: a fraction (0.05) or a percentage (5%), '.' for decimals.</summary>
public static class DeclaredColdShare
{
    public static bool TryParse(string text, out double share)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        share = double.NaN;
        if (!double.TryParse(percent ? trimmed[..^1] : trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        share = percent ? value / 100 : value;
        return share is >= 0 and <= 1;
    }

    public static string Error(string option, string text) =>
        $"{option}: '{text}' is not a share of cold starts from 0 to 1 (0.05) or 0% to 100% (5%), '.' for decimals";
}
