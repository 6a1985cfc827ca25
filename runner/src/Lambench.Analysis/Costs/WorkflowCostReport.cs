using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Workflows;

namespace Lambench.Analysis.Costs;

/// <summary>
/// An architecture priced for a month and at the sensitivity volumes, as tables (and, given a directory, written as
/// workflow_cost.csv, workflow_sensitivity.csv, a workbook, and each table as Markdown, HTML and LaTeX). The library
/// call behind `lambench cost workflow`, for notebooks too.
/// </summary>
public sealed class WorkflowCostReport(ReportLanguage language)
{
    /// <summary>Prices the description at <paramref name="specPath"/> with the price file of <paramref name="region"/> (default: the description's own).</summary>
    /// <exception cref="Core.Specs.SpecException">the description's errors.</exception>
    /// <exception cref="PriceCatalogException">a price file that cannot be read, or lacks a figure the architecture needs.</exception>
    public WorkflowCostResult Build(string specPath, string? region = null, string? pricesPath = null)
    {
        var spec = new WorkflowSpecReader().Read(specPath);
        return Build(spec, PriceCatalogLoader.LoadForRegion(region ?? spec.Region, pricesPath));
    }

    /// <exception cref="PriceCatalogException">a figure the architecture needs is missing from <paramref name="prices"/>.</exception>
    public WorkflowCostResult Build(WorkflowSpec spec, PriceCatalog prices)
    {
        var model = new WorkflowCostModel(prices);
        var cost = model.Price(spec);
        var sensitivity = model.Sensitivity(spec);
        var unconfirmed = prices.UnconfirmedArchitectureItems(cost.PriceKeys);
        var builder = new WorkflowCostTableBuilder(language);
        return new WorkflowCostResult(cost, sensitivity, [builder.LineItems(cost, unconfirmed), builder.Sensitivity(sensitivity, unconfirmed)], unconfirmed);
    }

    /// <summary>Writes the result's CSVs (pt-BR copies too in Portuguese), workbook and tables under <paramref name="output"/>; returns the paths.</summary>
    public IReadOnlyList<string> Write(WorkflowCostResult result, string output)
    {
        Directory.CreateDirectory(output);
        var written = DataFileWriter.Write([WorkflowCostTableBuilder.LinesSheet(result.Cost), WorkflowCostTableBuilder.SensitivitySheet(result.Sensitivity)], output, language, "workflow_cost.xlsx").ToList();
        written.AddRange(TableFiles.Write(result.Tables, output));
        return written;
    }
}
