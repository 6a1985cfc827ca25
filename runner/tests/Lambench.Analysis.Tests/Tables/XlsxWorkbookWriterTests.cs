using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Lambench.Analysis.Tables;

namespace Lambench.Analysis.Tests.Tables;

/// <summary>The workbook against the Open XML SDK's own schema validator; numbers typed, headers frozen, one sheet per table.</summary>
public sealed class XlsxWorkbookWriterTests
{
    [Fact]
    public void Writes_a_valid_workbook_with_typed_numbers_and_frozen_headers()
    {
        var sheets = new[]
        {
            new DataSheet("summary", ["configuration", "p50_duration_ms", "n"], [[CsvCell.Of("go-arm64"), CsvCell.Milliseconds(24.0354), CsvCell.Integer(30)], [CsvCell.Of("py"), CsvCell.Milliseconds(null), CsvCell.Integer(2)]]),
            new DataSheet("comparisons", ["median_ratio"], [[CsvCell.Fraction(0.5100323)]]),
        };
        using var stream = new MemoryStream();
        XlsxWorkbookWriter.Write(stream, sheets);

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        Assert.Equal(["summary", "comparisons"], workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
        var first = (WorksheetPart)workbook.GetPartById(workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var cells = first.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
        Assert.Equal(CellValues.Number, cells["B2"].DataType!.Value);
        Assert.Equal("24.035", cells["B2"].CellValue!.Text);
        Assert.Equal("30", cells["C2"].CellValue!.Text);
        Assert.Null(cells["B3"].CellValue); // an absent value stays an empty cell, never 0
        Assert.Equal("go-arm64", cells["A2"].InlineString!.InnerText);
        var pane = first.Worksheet.Descendants<Pane>().Single();
        Assert.Equal((1.0, PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.State!.Value));
    }
}
