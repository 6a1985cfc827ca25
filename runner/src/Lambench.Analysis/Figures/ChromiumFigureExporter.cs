using Lambench.Core.Csv;
using Lambench.Core.Processes;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Exports figures to SVG and PNG with headless Chromium: plotly.js plots every figure and Plotly.toImage gives both
/// formats (<see cref="ChromiumSession"/>). A session already started (while the data was read) is used if given.
/// </summary>
public sealed class ChromiumFigureExporter(string chromiumPath, ChromiumSession? session = null)
{
    /// <summary>LAMBENCH_CHROMIUM, else chromium (Debian), chromium-browser, google-chrome on PATH; null when none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("LAMBENCH_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }.Select(ExecutableSearch.OnPath).FirstOrDefault(p => p is not null);
    }

    /// <summary>Writes &lt;id&gt;.svg, &lt;id&gt;.png and &lt;id&gt;.pdf for every figure into <paramref name="directory"/>.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(IReadOnlyList<ReportFigure> figures, string directory, CancellationToken cancellation = default)
    {
        var images = await RenderAsync(figures, cancellation);
        var written = new List<string>();
        Directory.CreateDirectory(directory);
        foreach (var figure in figures)
        {
            var svgPath = Path.Combine(directory, figure.Id + ".svg");
            var pngPath = Path.Combine(directory, figure.Id + ".png");
            var pdfPath = Path.Combine(directory, figure.Id + ".pdf");
            AtomicFile.WriteAllText(svgPath, images[figure.Id].Svg);
            AtomicFile.WriteAllBytes(pngPath, images[figure.Id].Png);
            AtomicFile.WriteAllBytes(pdfPath, images[figure.Id].Pdf);
            written.AddRange([svgPath, pngPath, pdfPath]);
        }

        return written;
    }

    /// <summary>Every figure as SVG text and PNG bytes (at twice the layout's size), keyed by figure id (ids must be unique).</summary>
    public async Task<IReadOnlyDictionary<string, FigureImages>> RenderAsync(IReadOnlyList<ReportFigure> figures, CancellationToken cancellation = default)
    {
        if (figures.Select(f => f.Id).Distinct(StringComparer.Ordinal).Count() != figures.Count)
        {
            throw new ArgumentException("figure ids must be unique in one export", nameof(figures));
        }

        if (figures.Count == 0)
        {
            return new Dictionary<string, FigureImages>(StringComparer.Ordinal);
        }

        if (session is not null)
        {
            return await session.RenderAsync(figures, cancellation);
        }

        await using var own = ChromiumSession.Start(chromiumPath);
        return await own.RenderAsync(figures, cancellation);
    }
}
