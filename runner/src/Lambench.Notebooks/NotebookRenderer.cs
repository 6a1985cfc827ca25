using System.Globalization;
using Lambench.Analysis.Figures;
using Lambench.Core.Csv;

namespace Lambench.Notebooks;

/// <summary>
/// Renders notebooks: runs each one's C# cells, adds PNGs of every figure shown (one headless Chromium run for all
/// notebooks), and writes &lt;name&gt;.ipynb (executed, nbformat 4) and &lt;name&gt;.html per notebook, with one
/// plotly.min.js beside them that all share. Nothing is written unless every notebook ran.
/// </summary>
public sealed class NotebookRenderer
{
    public async Task<NotebookRenderOutcome> RenderAsync(IReadOnlyList<string> notebookPaths, NotebookRenderOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in notebookPaths)
        {
            if (!names.Add(Path.GetFileNameWithoutExtension(path)))
            {
                throw new ArgumentException($"two notebooks are named {Path.GetFileName(path)}; their rendered files would overwrite each other");
            }

            if (string.Equals(Path.GetDirectoryName(Path.GetFullPath(path)), output, StringComparison.Ordinal))
            {
                throw new ArgumentException($"--out {options.OutputDirectory} is the folder of {path}: the executed notebook would replace the source");
            }
        }

        var warnings = new List<string>();
        var documents = notebookPaths.Select(NotebookDocument.Read).Select(document =>
        {
            var (translated, untranslated) = document.Translated(options.Language);
            if (untranslated.Count > 0)
            {
                warnings.Add($"{document.Path}: no {options.Language} text for Markdown cell(s) {string.Join(", ", untranslated)}; they stay as written");
            }

            return translated;
        }).ToList();
        var executor = new NotebookExecutor();
        var executions = new List<NotebookExecution>();
        foreach (var document in documents)
        {
            progress?.Report($"Running {document.Path}");
            executions.Add(await executor.ExecuteAsync(document, options.Parameters, progress, cancellation));
        }

        warnings.AddRange(executions.SelectMany(e => e.Warnings.Select(w => $"{e.Notebook.Path}: {w}")));
        executions = await AddFigureImagesAsync(executions, options, warnings, progress, cancellation);

        Directory.CreateDirectory(output);
        var written = new List<string>();
        executions = executions.Select(SharePlotly).ToList();
        if (executions.Any(e => e.Cells.Values.SelectMany(c => c.Outputs).Any(o => o.Data.GetValueOrDefault("text/html") == PlotlyScript.FileReference)))
        {
            var plotly = Path.Combine(output, PlotlyScript.FileName);
            AtomicFile.WriteAllText(plotly, PlotlyScript.Source);
            written.Add(plotly);
        }

        foreach (var execution in executions)
        {
            var name = Path.GetFileNameWithoutExtension(execution.Notebook.Path);
            var ipynb = Path.Combine(output, name + ".ipynb");
            var html = Path.Combine(output, name + ".html");
            progress?.Report($"Writing {ipynb} and {html}");
            AtomicFile.WriteAllText(ipynb, execution.Notebook.ToExecutedJson(execution.Cells, execution.Parameters, writtenTo: output));
            AtomicFile.WriteAllText(html, NotebookHtmlPage.Render(execution, options.HideCode));
            written.Add(ipynb);
            written.Add(html);
        }

        return new NotebookRenderOutcome(written, warnings);
    }

    /// <summary>plotly.js displayed inline becomes a reference to the one copy the output folder holds.</summary>
    private static NotebookExecution SharePlotly(NotebookExecution execution) => execution with
    {
        Cells = execution.Cells.ToDictionary(c => c.Key, c => c.Value with
        {
            Outputs = c.Value.Outputs.Select(o => o.Data.GetValueOrDefault("text/html") == PlotlyScript.InlineHtml
                ? o with { Data = new Dictionary<string, string>(o.Data, StringComparer.Ordinal) { ["text/html"] = PlotlyScript.FileReference } }
                : o).ToList(),
        }),
    };

    private static async Task<List<NotebookExecution>> AddFigureImagesAsync(List<NotebookExecution> executions, NotebookRenderOptions options, List<string> warnings, IProgress<string>? progress, CancellationToken cancellation)
    {
        var pending = executions.SelectMany((e, n) => e.Figures.Select((f, i) => (Notebook: n, Key: string.Create(CultureInfo.InvariantCulture, $"n{n}f{i}"), Pending: f))).ToList();
        if (pending.Count == 0 || !options.StaticFigures)
        {
            return executions;
        }

        var chromium = options.ChromiumPath ?? ChromiumFigureExporter.Find();
        if (chromium is null)
        {
            warnings.Add("figures are interactive HTML only, without PNG: " + FigureFiles.NoChromium);
            return executions;
        }

        progress?.Report($"Exporting {pending.Count} figures to PNG with headless Chromium");
        var images = await new ChromiumFigureExporter(chromium).RenderAsync(pending.Select(p => p.Pending.Figure with { Id = p.Key }).ToList(), cancellation);
        return executions.Select((execution, n) =>
        {
            var cells = execution.Cells.ToDictionary(c => c.Key, c =>
            {
                var outputs = c.Value.Outputs.ToList();
                foreach (var figure in pending.Where(p => p.Notebook == n && p.Pending.CellNumber == c.Key))
                {
                    var data = new Dictionary<string, string>(outputs[figure.Pending.OutputIndex].Data, StringComparer.Ordinal)
                    {
                        ["image/png"] = Convert.ToBase64String(images[figure.Key].Png),
                    };
                    outputs[figure.Pending.OutputIndex] = outputs[figure.Pending.OutputIndex] with { Data = data };
                }

                return c.Value with { Outputs = outputs };
            });
            return execution with { Cells = cells };
        }).ToList();
    }
}
