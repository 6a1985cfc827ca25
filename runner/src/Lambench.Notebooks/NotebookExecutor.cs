using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Lambench.Notebooks;

/// <summary>
/// Runs a notebook's C# cells in order with Roslyn scripting, each cell a submission continuing the previous one's
/// state, as the Polyglot C# kernel does: same default usings, display(...) and HTML(...), a cell's last expression
/// shown, Console output captured. Cells run with the notebook's folder as the current directory, as in VS Code.
/// </summary>
public sealed class NotebookExecutor
{
    /// <summary>The Polyglot C# kernel's default usings (less its own namespaces).</summary>
    public static readonly IReadOnlyList<string> DefaultImports =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks", "System.Net.Http"];

    // Console.Out and the current directory belong to the process: one notebook runs at a time.
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private static readonly Lazy<IReadOnlyList<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    /// <summary>
    /// Runs every code cell. <paramref name="parameters"/> are assigned right after the cell tagged "parameters", as
    /// papermill does: numbers and true/false as they are, anything else as a string.
    /// </summary>
    /// <exception cref="NotebookCellException">a cell that does not compile or throws; nothing after it runs.</exception>
    public async Task<NotebookExecution> ExecuteAsync(NotebookDocument notebook, IReadOnlyDictionary<string, string>? parameters = null, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        parameters ??= new Dictionary<string, string>();
        var parameterCell = notebook.Cells.FirstOrDefault(c => c.IsParameters);
        if (parameters.Count > 0 && parameterCell is null)
        {
            throw new NotebookFormatException(notebook.Path, "parameters were given but no cell is tagged \"parameters\"");
        }

        foreach (var cell in notebook.Cells.Where(c => c.Kind == NotebookCellKind.Code && c.Kernel != "csharp"))
        {
            throw new NotebookCellException(notebook.Path, cell.Number, $"the cell's kernel is '{cell.Kernel}'; the renderer runs C# (csharp) cells only");
        }

        await OneAtATime.WaitAsync(cancellation);
        var originalOut = Console.Out;
        var originalDirectory = Environment.CurrentDirectory;
        var originalCulture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // Outputs are files the tool writes: invariant culture, whatever the machine's.
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
            var collector = new OutputCollector();
            var globals = new NotebookGlobals(collector);
            var options = ScriptOptions.Default
                .WithReferences(FrameworkReferences.Value)
                .AddReferences(typeof(NotebookGlobals).Assembly, typeof(IHtmlContent).Assembly)
                .WithImports(DefaultImports)
                .WithEmitDebugInformation(true)
                .WithFileEncoding(System.Text.Encoding.UTF8)
                .WithLanguageVersion(LanguageVersion.Latest);
            ScriptState<object>? state = null;
            var executed = new Dictionary<int, ExecutedCell>();
            var warnings = new List<string>();
            var codeCells = notebook.Cells.Where(c => c.Kind == NotebookCellKind.Code).ToList();
            var count = 0;
            foreach (var cell in codeCells)
            {
                cancellation.ThrowIfCancellationRequested();
                count++;
                progress?.Report($"{Path.GetFileName(notebook.Path)}: cell {cell.Number} ({count}/{codeCells.Count} code cells)");
                var prepared = CellDirectives.Prepare(notebook.Path, cell);
                warnings.AddRange(prepared.Warnings);
                options = options.AddReferences(prepared.References);
                collector.StartCell(cell.Number);
                state = await RunAsync(notebook.Path, cell.Number, prepared.Code, state, options, globals, collector, cancellation);
                if (state.ReturnValue is not null)
                {
                    collector.Display(state.ReturnValue, CellOutput.ExecuteResult, count);
                }

                executed[cell.Number] = new ExecutedCell(cell, count, collector.FinishCell());
                if (cell == parameterCell && parameters.Count > 0)
                {
                    var assignments = Assignments(parameters);
                    collector.StartCell(cell.Number);
                    state = await RunAsync(notebook.Path, cell.Number, assignments, state, options, globals, collector, cancellation, "the parameters given to the render");
                    collector.FinishCell();
                }
            }

            return new NotebookExecution(notebook, executed, collector.Figures.ToList(), parameters, warnings);
        }
        finally
        {
            Console.SetOut(originalOut);
            Environment.CurrentDirectory = originalDirectory;
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = originalCulture;
            OneAtATime.Release();
        }
    }

    private static async Task<ScriptState<object>> RunAsync(string path, int cellNumber, string code, ScriptState<object>? state, ScriptOptions options, NotebookGlobals globals, OutputCollector collector, CancellationToken cancellation, string? what = null)
    {
        var source = what ?? $"cell {cellNumber}";
        options = options.WithFilePath(source);
        var originalOut = Console.Out;
        Console.SetOut(collector.ConsoleWriter);
        try
        {
            return state is null
                ? await CSharpScript.RunAsync(code, options, globals, typeof(NotebookGlobals), cancellation)
                : await state.ContinueWithAsync(code, options, cancellation);
        }
        catch (CompilationErrorException e)
        {
            var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return $"line {position.Line + 1}, column {position.Character + 1}: error {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}";
            });
            throw new NotebookCellException(path, cellNumber, (what is null ? string.Empty : what + ": ") + string.Join("; ", errors));
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            var frame = new StackTrace(e, fNeedFileInfo: true).GetFrames().FirstOrDefault(f => f.GetFileName() == source);
            var line = frame is null ? string.Empty : $"line {frame.GetFileLineNumber()}: ";
            throw new NotebookCellException(path, cellNumber, $"{line}{e.GetType().FullName}: {e.Message}");
        }
        finally
        {
            Console.SetOut(originalOut);
        }
    }

    /// <summary>The parameters as C# assignments, one a line: what runs after the parameters cell, and the injected cell shows.</summary>
    public static string Assignments(IReadOnlyDictionary<string, string> parameters) => string.Concat(parameters.Select(p => $"{p.Key} = {Literal(p.Value)};\n"));

    private static string Literal(string value)
    {
        if (value is "true" or "false"
            || long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            || (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && value.Any(char.IsDigit) && !value.Contains(' ', StringComparison.Ordinal)))
        {
            return value;
        }

        return SymbolDisplay.FormatLiteral(value, quote: true);
    }

    /// <summary>Every framework assembly, as the Polyglot kernel can use any of them without a #r.</summary>
    private static IReadOnlyList<MetadataReference> LoadFrameworkReferences()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty).Split(Path.PathSeparator);
        return trusted
            .Where(p => Path.GetDirectoryName(p) == framework)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToList();
    }
}
