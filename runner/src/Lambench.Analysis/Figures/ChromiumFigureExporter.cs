using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lambench.Core.Csv;
using Lambench.Core.Processes;

namespace Lambench.Analysis.Figures;

/// <summary>
/// Exports figures to SVG and PNG through one headless Chromium run: a page plots every figure with plotly.js,
/// asks Plotly.toImage for both formats and leaves the results in the DOM, which Chromium prints with --dump-dom.
/// </summary>
public sealed partial class ChromiumFigureExporter(string chromiumPath)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>LAMBENCH_CHROMIUM, else chromium (Debian), chromium-browser, google-chrome on PATH; null when none.</summary>
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("LAMBENCH_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        return new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }.Select(ExecutableSearch.OnPath).FirstOrDefault(p => p is not null);
    }

    /// <summary>Writes &lt;id&gt;.svg and &lt;id&gt;.png for every figure into <paramref name="directory"/>.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(IReadOnlyList<ReportFigure> figures, string directory, CancellationToken cancellation = default)
    {
        var images = await RenderAsync(figures, cancellation);
        var written = new List<string>();
        Directory.CreateDirectory(directory);
        foreach (var figure in figures)
        {
            var svgPath = Path.Combine(directory, figure.Id + ".svg");
            var pngPath = Path.Combine(directory, figure.Id + ".png");
            AtomicFile.WriteAllText(svgPath, images[figure.Id].Svg);
            AtomicFile.WriteAllBytes(pngPath, images[figure.Id].Png);
            written.Add(svgPath);
            written.Add(pngPath);
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

        var images = new Dictionary<string, FigureImages>(StringComparer.Ordinal);
        if (figures.Count == 0)
        {
            return images;
        }

        var work = Directory.CreateTempSubdirectory("lambench-chromium-");
        try
        {
            var page = Path.Combine(work.FullName, "export.html");
            await File.WriteAllTextAsync(page, ExportPage(figures), Encoding.UTF8, cancellation);
            var dom = await RunAsync(page, Path.Combine(work.FullName, "profile"), cancellation);
            var match = OutputElement().Match(dom);
            if (!match.Success)
            {
                throw new InvalidOperationException("Chromium returned a page without the export results (did the page fail to load?)");
            }

            var text = WebUtility.HtmlDecode(match.Groups[1].Value);
            if (text.StartsWith("ERROR", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("plotly.js could not export the figures: " + text);
            }

            using var results = JsonDocument.Parse(text);
            foreach (var figure in figures)
            {
                var result = results.RootElement.GetProperty(figure.Id);
                images[figure.Id] = new FigureImages(
                    Uri.UnescapeDataString(result.GetProperty("svg").GetString()!.Split(',', 2)[1]),
                    Convert.FromBase64String(result.GetProperty("png").GetString()!.Split(',', 2)[1]));
            }

            return images;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string ExportPage(IReadOnlyList<ReportFigure> figures)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html><head><meta charset=\"utf-8\"><script>").Append(PlotlyScript.InlineSource).Append("</script></head><body>\n");
        foreach (var figure in figures)
        {
            page.Append("<div id=\"fig-").Append(figure.Id).Append("\"></div>\n");
        }

        page.Append("<pre id=\"out\"></pre>\n<script>\nconst figures = {");
        page.AppendJoin(",", figures.Select(f => JsonSerializer.Serialize(f.Id) + ":" + f.FigureJson));
        page.Append("""
            };
            (async () => {
              const results = {};
              for (const [id, figure] of Object.entries(figures)) {
                const element = document.getElementById('fig-' + id);
                await Plotly.newPlot(element, figure.data, figure.layout, {staticPlot: true});
                const size = {width: figure.layout.width, height: figure.layout.height};
                results[id] = {
                  svg: await Plotly.toImage(element, {format: 'svg', ...size}),
                  png: await Plotly.toImage(element, {format: 'png', scale: 2, ...size}),
                };
              }
              document.getElementById('out').textContent = JSON.stringify(results);
            })().catch(e => { document.getElementById('out').textContent = 'ERROR ' + e; });
            </script></body></html>
            """);
        return page.ToString();
    }

    private async Task<string> RunAsync(string page, string profile, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(chromiumPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Offline, as root, without a GPU: the flags that work on Debian's Chromium (shared/TOOLCHAIN-NOTES.md).
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-quic", "--no-first-run", "--user-data-dir=" + profile, "--virtual-time-budget=60000",
                     "--dump-dom", new Uri(page).AbsoluteUri,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {chromiumPath}");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var errors = process.StandardError.ReadToEndAsync(cancellation);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{chromiumPath} did not finish exporting figures within {Timeout.TotalSeconds} s");
        }

        var dom = await output;
        if (process.ExitCode != 0)
        {
            var tail = string.Join('\n', (await errors).Split('\n').TakeLast(5));
            throw new InvalidOperationException($"{chromiumPath} exited with code {process.ExitCode}: {tail}");
        }

        return dom;
    }

    [GeneratedRegex("<pre id=\"out\">(.*?)</pre>", RegexOptions.Singleline)]
    private static partial Regex OutputElement();
}
