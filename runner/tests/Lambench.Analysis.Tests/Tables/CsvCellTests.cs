using Lambench.Analysis.Tables;

namespace Lambench.Analysis.Tests.Tables;

/// <summary>The rounding rule of every report CSV, and its spelling in the invariant and the pt-BR dialect; expected values written by hand.</summary>
public sealed class CsvCellTests
{
    [Theory]
    [InlineData(24.0354, "24.035", "24,035")]
    [InlineData(2.7800000000000002, "2.78", "2,78")]
    [InlineData(3003.6788888888888, "3003.679", "3003,679")]
    [InlineData(0.0005, "0.001", "0,001")] // half away from zero
    [InlineData(-1.23456, "-1.235", "-1,235")]
    [InlineData(1234567.1, "1234567.1", "1234567,1")] // no thousands separator in either
    public void Milliseconds_keep_three_decimals(double value, string invariant, string brazilian)
    {
        var cell = CsvCell.Milliseconds(value);
        Assert.Equal(invariant, cell.Format(CsvDialect.Invariant.Numbers));
        Assert.Equal(brazilian, cell.Format(CsvDialect.Brazilian.Numbers));
        Assert.Equal("0.000", cell.SpreadsheetFormat);
    }

    [Theory]
    [InlineData(0.019047619047619049, "0.0190476")]
    [InlineData(1.0, "1")]
    [InlineData(7.948051948051948, "7.94805")]
    [InlineData(1.2e-203, "1.2E-203")] // a p-value too small for plain notation keeps its exponent
    [InlineData(0.0, "0")]
    public void Dimensionless_values_keep_six_significant_digits(double value, string invariant) =>
        Assert.Equal(invariant, CsvCell.Fraction(value).Format(CsvDialect.Invariant.Numbers));

    [Theory]
    [InlineData("0.000025230050060000000000", "0.00002523005")]
    [InlineData("0.0000002113889116666666666667", "0.00000021138891")]
    [InlineData("25.484217235", "25.484217")]
    [InlineData("1234567.891", "1234567.9")]
    public void Money_keeps_eight_significant_digits_in_plain_notation(string value, string invariant) =>
        Assert.Equal(invariant, CsvCell.Money(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).Format(CsvDialect.Invariant.Numbers));

    [Fact]
    public void Text_counts_and_empty_cells()
    {
        Assert.Equal("go-arm64 · sort-2k", CsvCell.Of("go-arm64 · sort-2k").Format(CsvDialect.Brazilian.Numbers));
        Assert.True(CsvCell.Of(null).IsEmpty);
        Assert.True(CsvCell.Of(string.Empty).IsEmpty);
        Assert.True(CsvCell.Milliseconds(null).IsEmpty);
        Assert.Equal("1000000", CsvCell.Integer(1_000_000).Format(CsvDialect.Brazilian.Numbers));
        Assert.Equal(string.Empty, CsvCell.Integer(null).Format(CsvDialect.Invariant.Numbers));
    }

    [Fact]
    public void The_pt_BR_copy_separates_fields_with_semicolons_and_starts_with_a_byte_order_mark()
    {
        var sheet = new DataSheet("t", ["a_ms", "b"], [[CsvCell.Milliseconds(24.035), CsvCell.Of("x;y")]]);
        var invariant = new StringWriter();
        ColumnCsvWriter.Write(invariant, sheet, CsvDialect.Invariant);
        Assert.Equal("a_ms,b\n24.035,x;y\n", invariant.ToString());
        var brazilian = new StringWriter();
        ColumnCsvWriter.Write(brazilian, sheet, CsvDialect.Brazilian);
        Assert.Equal("\uFEFFa_ms;b\n24,035;\"x;y\"\n", brazilian.ToString());
    }
}
