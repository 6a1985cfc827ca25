using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Lambench.Analysis.Tables;

/// <summary>
/// Writes data sheets as an .xlsx workbook (Open XML SDK): one sheet per table, the header row frozen, every number a
/// typed numeric cell with the CSV's rounding and a matching display format, so no spreadsheet locale can misread it.
/// </summary>
public static class XlsxWorkbookWriter
{
    // Style indices of the stylesheet below: 0 default, 1 bold header, then one per number format.
    private const uint HeaderStyle = 1;
    private static readonly string[] NumberFormats = ["General", "0", "0.0", "0.00", "0.000"];

    public static void Write(Stream stream, IReadOnlyList<DataSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var list = workbookPart.Workbook.AppendChild(new Sheets());
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = new Worksheet(FrozenHeader(sheetId == 1), Widths(sheet), Data(sheet));
            list.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId++, Name = sheet.Name });
        }

        workbookPart.Workbook.Save();
    }

    private static SheetData Data(DataSheet sheet)
    {
        var data = new SheetData();
        data.Append(Row(1, sheet.Headers.Select((h, c) => Text(h, c, 1, HeaderStyle))));
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var number = (uint)r + 2;
            data.Append(Row(number, sheet.Rows[r].Select((cell, c) => cell.Number is { } value
                ? new Cell { CellReference = Reference(c, number), DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = StyleOf(cell) }
                : Text(cell.Text, c, number, 0))));
        }

        return data;
    }

    private static Row Row(uint number, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = number };
        row.Append(cells);
        return row;
    }

    private static Cell Text(string? text, int column, uint row, uint style) => text is null
        ? new Cell { CellReference = Reference(column, row), StyleIndex = style }
        : new Cell { CellReference = Reference(column, row), DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)), StyleIndex = style };

    private static uint StyleOf(CsvCell cell) => 2 + (uint)Math.Max(0, Array.IndexOf(NumberFormats, cell.SpreadsheetFormat));

    /// <summary>A1-style reference: column letters (A, …, Z, AA, …) and the row number.</summary>
    private static string Reference(int column, uint row)
    {
        var letters = string.Empty;
        for (var c = column + 1; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + (c - 1) % 26) + letters;
        }

        return letters + row;
    }

    private static SheetViews FrozenHeader(bool selected) => new(new SheetView(
        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" } })
    { TabSelected = selected, WorkbookViewId = 0 });

    private static Columns Widths(DataSheet sheet)
    {
        var columns = new Columns();
        for (var c = 0; c < sheet.Headers.Count; c++)
        {
            var width = Math.Max(sheet.Headers[c].Length, sheet.Rows.Select(r => r[c].Text?.Length ?? 12).DefaultIfEmpty(12).Max()) + 2;
            columns.Append(new Column { Min = (uint)c + 1, Max = (uint)c + 1, Width = Math.Min(width, 60), CustomWidth = true });
        }

        return columns;
    }

    private static Stylesheet Styles()
    {
        // Built-in number formats: 0 General, 1 "0", 2 "0.00"; "0.0" and "0.000" are declared (custom ids start at 164).
        uint[] formatIds = [0, 1, 164, 2, 165];
        var formats = new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true });
        foreach (var id in formatIds)
        {
            formats.Append(new CellFormat { NumberFormatId = id, ApplyNumberFormat = true });
        }

        return new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.0" }, new NumberingFormat { NumberFormatId = 165, FormatCode = "0.000" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            formats);
    }
}
