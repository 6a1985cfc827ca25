using Lambench.Core.Csv;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Writes figures as &lt;id&gt;.json and, when static figures are asked for and Chromium is found, as SVG and PNG
/// from one headless Chromium run. The report and the scripts both write their figures through here.
/// </summary>
public static class FigureFiles
{
    /// <summary>What to do about a missing Chromium, for warnings.</summary>
    public const string NoChromium = "no Chromium found (Debian: apt-get install chromium; or set LAMBENCH_CHROMIUM)";

    /// <summary>A Chromium session started now, for a later <see cref="WriteAsync"/>; null when static figures are off or no Chromium is found.</summary>
    public static ChromiumSession? StartChromium(bool staticFigures, string? chromiumPath)
    {
        try
        {
            return staticFigures && (chromiumPath ?? ChromiumFigureExporter.Find()) is { } chromium ? ChromiumSession.Start(chromium) : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null; // the export tries again, and says why it failed in its warning
        }
    }

    /// <param name="session">a session from <see cref="StartChromium"/>, already past its start-up; null: one is started here.</param>
    public static async Task<FigureFilesResult> WriteAsync(IReadOnlyList<ReportFigure> figures, string directory, bool staticFigures, string? chromiumPath = null, IProgress<string>? progress = null, CancellationToken cancellation = default, ChromiumSession? session = null)
    {
        var files = new List<string>();
        foreach (var figure in figures)
        {
            var path = Path.Combine(directory, figure.Id + ".json");
            AtomicFile.WriteAllText(path, figure.FigureJson);
            files.Add(path);
        }

        if (!staticFigures)
        {
            return new FigureFilesResult(files, StaticWritten: false, ChromiumMissing: false);
        }

        if ((chromiumPath ?? ChromiumFigureExporter.Find()) is not { } chromium)
        {
            return new FigureFilesResult(files, StaticWritten: false, ChromiumMissing: true);
        }

        progress?.Report($"Exporting {figures.Count} figures to SVG and PNG with headless Chromium");
        try
        {
            files.AddRange(await new ChromiumFigureExporter(chromium, session).ExportAsync(figures, directory, cancellation));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or System.Net.WebSockets.WebSocketException or System.ComponentModel.Win32Exception)
        {
            // A Chromium that fails leaves the report without static figures, never without index.html.
            return new FigureFilesResult(files, StaticWritten: false, ChromiumMissing: false) { StaticError = $"{chromium}: {e.Message}" };
        }

        return new FigureFilesResult(files, StaticWritten: true, ChromiumMissing: false);
    }
}
