using System.Globalization;
using Lambench.Analysis.Tables;

namespace Lambench.Analysis.Report;

/// <summary>The ABNT source line of a report's tables and figures: made by the author with Lambench, from the named inputs, in the report's year.</summary>
public static class TableSources
{
    public static TableSource Of(ReportLanguage language, IReadOnlyList<string> inputs, DateTimeOffset now)
    {
        var files = string.Join(", ", inputs.Select(Path.GetFileName).Distinct());
        var year = now.Year.ToString(CultureInfo.InvariantCulture);
        return language.IsPortuguese
            ? new TableSource("Fonte", $"Elaborado pelo autor ({year}) com o Lambench, a partir de {files}.")
            : new TableSource("Source", $"Prepared by the author ({year}) with Lambench, from {files}.");
    }
}
