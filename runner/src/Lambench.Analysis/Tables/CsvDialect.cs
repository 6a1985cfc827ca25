using System.Globalization;

namespace Lambench.Analysis.Tables;

/// <summary>
/// How a report CSV spells its cells. Invariant: ',' between fields, '.' for decimals, what every tool and script
/// reads. Brazilian: ';' between fields and ',' for decimals with a UTF-8 byte order mark, what a spreadsheet under
/// a pt-BR locale reads without turning 24.035 into 24035 (the '.' is its thousands separator).
/// </summary>
public sealed record CsvDialect(char Separator, NumberFormatInfo Numbers, bool ByteOrderMark, string FileSuffix)
{
    public static readonly CsvDialect Invariant = new(',', CultureInfo.InvariantCulture.NumberFormat, false, string.Empty);

    public static readonly CsvDialect Brazilian = new(';', new NumberFormatInfo { NumberDecimalSeparator = ",", NumberGroupSeparator = string.Empty, NegativeSign = "-" }, true, ".pt-BR");
}
