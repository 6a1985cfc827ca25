using System.CommandLine;
using Lambench.Notebooks;
using Spectre.Console;

namespace Lambench.Cli.Commands.Notebook;

/// <summary><c>lambench notebook render</c>: runs Polyglot C# notebooks headless and writes executed .ipynb and HTML.</summary>
public static class NotebookCommand
{
    public static Command Build(IAnsiConsole console)
    {
        var notebooks = new Argument<string[]>("notebooks") { Description = "Polyglot .ipynb notebooks (C# cells), rendered in the order given.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Directory for <name>.ipynb (executed, with outputs) and <name>.html (one page, fit to print to PDF).", Required = true };
        var data = new Option<string[]>("--data") { Description = "Sets the notebooks' `data` parameter: invocations CSVs, run directories (their invocations.csv) or wildcards, one or more. Default: what the notebook names (data/sample).", AllowMultipleArgumentsPerToken = true };
        var language = new Option<string?>("--lang") { Description = "Sets the notebooks' `language` parameter (en or pt-BR) and writes their prose in it, from each Markdown cell's translation." };
        language.AcceptOnlyFromAmong("en", "pt-BR");
        var parameters = new Option<string[]>("--parameter", "-p") { Description = "name=value, assigned after the cell tagged \"parameters\" (numbers and true/false as they are, else a string). Repeatable.", AllowMultipleArgumentsPerToken = false };
        var hideCode = new Option<bool>("--hide-code") { Description = "Leave the code out of the HTML page (the executed .ipynb keeps it)." };
        var noStatic = new Option<bool>("--no-static-figures") { Description = "Skip the PNG export of figures (needs Chromium); figures stay interactive HTML." };

        var render = new Command("render", """
            Run each notebook's C# cells in order (Roslyn scripting, state carried between cells, as the Polyglot C# kernel
            does) and write an executed .ipynb and an HTML page per notebook. Supported: #r "nuget: <a package the
            solution references>", #r "<path>/Lambench.*.dll" (the renderer's own library is used), display(...), HTML(...),
            a cell's last expression, Console output, Markdown cells. A failing cell stops the render with its number
            and the compiler or runtime error; nothing is written then.

            Example: lambench notebook render notebooks/*.ipynb --out out/notebooks --data out/runs/quickstart
            """)
        {
            notebooks, output, data, language, parameters, hideCode, noStatic,
        };
        render.SetAction(async (result, cancellation) =>
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in result.GetValue(parameters) ?? [])
            {
                var separator = pair.IndexOf('=', StringComparison.Ordinal);
                if (separator <= 0 || !System.Text.RegularExpressions.Regex.IsMatch(pair[..separator], "^[A-Za-z_][A-Za-z0-9_]*$"))
                {
                    console.MarkupLineInterpolated($"[red]error:[/] --parameter '{pair}' is not name=value with a C# identifier as the name");
                    return ExitCodes.BadInput;
                }

                values[pair[..separator]] = pair[(separator + 1)..];
            }

            if (result.GetValue(data) is { Length: > 0 } dataPaths)
            {
                // Absolute: cells run in the notebook's folder; several inputs joined with ';', as AnalysisSession.Open reads them.
                values["data"] = string.Join(';', dataPaths.Select(Path.GetFullPath));
            }

            if (result.GetValue(language) is { } lang)
            {
                values["language"] = lang;
            }

            var options = new NotebookRenderOptions
            {
                OutputDirectory = result.GetValue(output)!,
                Parameters = values,
                HideCode = result.GetValue(hideCode),
                StaticFigures = !result.GetValue(noStatic),
                // The prose follows the language parameter, however it was set.
                Language = values.GetValueOrDefault("language") is "pt-BR" ? "pt-BR" : "en",
            };
            return await RunAsync(console, result.GetValue(notebooks)!, options, cancellation);
        });
        return new Command("notebook", "Work with the notebooks in notebooks/ without VS Code.") { render };
    }

    public static async Task<int> RunAsync(IAnsiConsole console, IReadOnlyList<string> notebooks, NotebookRenderOptions options, CancellationToken cancellation)
    {
        NotebookRenderOutcome outcome;
        try
        {
            outcome = await new NotebookRenderer().RenderAsync(notebooks, options, new ConsoleProgress(console), cancellation);
        }
        catch (Exception e) when (e is NotebookFormatException or ArgumentException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (NotebookCellException e)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {e.Message}");
            console.MarkupLine("Nothing was written.");
            return ExitCodes.Failed;
        }
        catch (OperationCanceledException)
        {
            console.MarkupLine("Cancelled.");
            return ExitCodes.Cancelled;
        }

        foreach (var warning in outcome.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        console.MarkupLineInterpolated($"[green]Rendered[/] {notebooks.Count} notebook(s) into {Path.GetFullPath(options.OutputDirectory)}: {outcome.FilesWritten.Count} files.");
        return ExitCodes.Success;
    }
}
