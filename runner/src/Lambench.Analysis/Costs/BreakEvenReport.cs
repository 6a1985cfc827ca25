using Lambench.Analysis.Figures;
using Lambench.Analysis.Report;
using Lambench.Analysis.Tables;
using Lambench.Core.Cost;
using Lambench.Core.Csv;
using Lambench.Core.Records;

namespace Lambench.Analysis.Costs;

/// <summary>
/// Lambda against Fargate for every configuration of a set of invocations: the points, the table, the figure and the
/// caveats, and (given a directory) breakeven.csv, a workbook, the table as Markdown, HTML and LaTeX, and the figure as
/// JSON, HTML, SVG and PNG with its LaTeX snippet. The library call behind `lambench cost breakeven`, for notebooks too.
/// </summary>
public sealed class BreakEvenReport(PriceCatalog prices, FargateTaskSizing sizing, ReportLanguage language, bool withFreeTier = true)
{
    /// <param name="serviceTimeMs">the time a request holds a task; null: each configuration's mean warm Duration.</param>
    /// <exception cref="PriceCatalogException">the price file has no Fargate figure for an architecture.</exception>
    public BreakEvenResult Build(IReadOnlyList<InvocationRecord> invocations, decimal? serviceTimeMs = null)
    {
        var model = new ContainerBreakEven(prices, sizing, withFreeTier);
        var points = BreakEvenAnalysis.Points(invocations, model, serviceTimeMs);
        var tables = new BreakEvenTableBuilder(language, sizing, withFreeTier);
        var caveats = tables.Caveats(points, prices).ToList();
        if (BreakEvenAnalysis.Mixed(invocations) is { Count: > 0 } mixed)
        {
            caveats.Add(language.T($"Left out, as they mix memory sizes or architectures: {string.Join(", ", mixed)}.", $"Deixadas de fora por misturarem tamanhos de memória ou arquiteturas: {string.Join(", ", mixed)}."));
        }

        var figure = points.Count == 0 ? null : new BreakEvenFigure(new FigureComposer(language), model).Build(points, caveats);
        return new BreakEvenResult(points, tables.Table(points, caveats), figure, caveats, tables.Sheet(points));
    }

    /// <summary>Writes the result under <paramref name="output"/>; returns the files and the warning of a figure export that was skipped, if any.</summary>
    public async Task<(IReadOnlyList<string> Files, string? Warning)> WriteAsync(BreakEvenResult result, string output, bool staticFigures, string? chromiumPath = null, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(output);
        var written = DataFileWriter.Write([result.Sheet], output, language, "breakeven.xlsx").ToList();
        written.AddRange(TableFiles.Write([result.Table], output));

        if (result.Figure is not { } figure)
        {
            return (written, null);
        }

        var figures = await FigureFiles.WriteAsync([figure], Path.Combine(output, "figures"), staticFigures, chromiumPath, progress, cancellation);
        var snippet = Path.Combine(output, "figures", figure.Id + ".tex");
        AtomicFile.WriteAllText(snippet, FigureLatexSnippet.Export(figure, string.Empty, null));
        written.AddRange(figures.Files);
        written.Add(snippet);
        return (written, figures.Warning);
    }
}
