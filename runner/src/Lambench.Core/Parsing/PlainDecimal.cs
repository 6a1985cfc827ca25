using System.Runtime.CompilerServices;
using System.Globalization;

namespace Lambench.Core.Parsing;

/// <summary>
/// "3005.31" as Lambda writes it, and as invocations.csv holds it: up to 15 digits with an optional fraction, read
/// without double.Parse's generality. The digits as an integer divided by a power of ten, both exact in a double, is
/// the correctly rounded value: the same bits as double.Parse. Anything else (signs, exponents, more digits) is false,
/// for the caller's general parser.
/// </summary>
public static class PlainDecimal
{
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>This fast path first, then double.TryParse in the invariant culture; finite values only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseFinite(ReadOnlySpan<char> text, out double value) =>
        TryParse(text, out value) || (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

    /// <summary>
    /// A number as Lambda writes one and nothing else: digits, then optionally a point and digits ("231." or "1e3"
    /// is no such number, however double.Parse reads it); any count of digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParseLambda(ReadOnlySpan<char> text, out double value)
    {
        if (TryParse(text, out value))
        {
            return true; // up to 15 digits, in Lambda's form: the common case, one pass
        }

        var point = text.IndexOf('.');
        var whole = point < 0 ? text : text[..point];
        var fraction = point < 0 ? ReadOnlySpan<char>.Empty : text[(point + 1)..];
        if (whole.IsEmpty || whole.ContainsAnyExceptInRange('0', '9') || (point >= 0 && (fraction.IsEmpty || fraction.ContainsAnyExceptInRange('0', '9'))))
        {
            return false;
        }

        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        long digits = 0;
        int count = 0, fraction = -1;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits = digits * 10 + (c - '0');
                count++;
                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        // At least one digit before the point (".15" is no such number) and one after it ("15." neither).
        if (count == 0 || count > 15 || fraction == 0 || count - Math.Max(fraction, 0) == 0)
        {
            return false;
        }

        value = fraction > 0 ? digits / PowersOfTen[fraction] : digits;
        return true;
    }
}
