using Lambench.Analysis.Tables;
using Lambench.Core.Csv;
using Lambench.Core.Summary;

namespace Lambench.Analysis.Report;

/// <summary>
/// The report's machine-readable tables: summary.csv, comparisons.csv and, where they exist, throttles.csv and
/// rounds.csv (invariant, what tools and scripts read); for pt-BR also a ';'-separated, decimal-comma copy of each
/// (<c>summary.pt-BR.csv</c>); and report.xlsx with one typed sheet per table, which no locale misreads.
/// </summary>
public static class DataFileWriter
{
    public static IReadOnlyList<DataSheet> Sheets(SummaryResult summary)
    {
        var sheets = new List<DataSheet>
        {
            DataSheet.Of("summary", SummaryCsvColumns.All, summary.Rows),
            DataSheet.Of("comparisons", ComparisonCsvColumns.All, summary.Comparisons),
        };
        if (summary.Throttles.Count > 0)
        {
            sheets.Add(DataSheet.Of("throttles", ThrottleCsvColumns.All, summary.Throttles));
        }

        if (summary.Rows.Any(r => r.Rounds is not null))
        {
            sheets.Add(DataSheet.Of("rounds", RoundCsvColumns.All, RoundCsvRow.Of(summary.Rows)));
        }

        return sheets;
    }

    /// <summary>Writes every sheet as CSV (and pt-BR copies) and all of them as one workbook (report.xlsx); returns the paths.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<DataSheet> sheets, string output, ReportLanguage language, string workbookName = "report.xlsx")
    {
        var written = new List<string>();
        var dialects = language.IsPortuguese ? new[] { CsvDialect.Invariant, CsvDialect.Brazilian } : [CsvDialect.Invariant];
        foreach (var sheet in sheets)
        {
            foreach (var dialect in dialects)
            {
                var path = Path.Combine(output, sheet.Name + dialect.FileSuffix + ".csv");
                AtomicFile.Write(path, writer => ColumnCsvWriter.Write(writer, sheet, dialect));
                written.Add(path);
            }
        }

        var workbook = Path.Combine(output, workbookName);
        AtomicFile.WriteStream(workbook, stream => XlsxWorkbookWriter.Write(stream, sheets));
        written.Add(workbook);
        return written;
    }
}
