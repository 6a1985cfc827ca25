using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lambench.Notebooks;

/// <summary>
/// A notebook in nbformat 4 (.ipynb), as Polyglot Notebooks writes it: cells, their kernels (from the cell's
/// polyglot_notebook or dotnet_interactive metadata, else the notebook's default) and the JSON as read, so metadata
/// the renderer does not know survives into the executed notebook.
/// </summary>
public sealed class NotebookDocument
{
    private readonly JsonObject root;

    private NotebookDocument(string path, JsonObject root, IReadOnlyList<NotebookCell> cells)
    {
        Path = path;
        this.root = root;
        Cells = cells;
    }

    public string Path { get; }

    public IReadOnlyList<NotebookCell> Cells { get; }

    /// <summary>The language of the prose: en, unless <see cref="Translated"/> chose another.</summary>
    public string Language { get; private init; } = "en";

    /// <summary>
    /// The notebook with its Markdown in <paramref name="language"/>: each Markdown cell that carries a translation in
    /// its metadata (<c>lambench.translations.&lt;language&gt;</c>, a string or a list of lines) is replaced by it, in the
    /// cells and in the JSON the executed notebook is written from. The cells without one are listed.
    /// </summary>
    public (NotebookDocument Notebook, IReadOnlyList<int> Untranslated) Translated(string language)
    {
        if (language == "en")
        {
            return (this, []);
        }

        var copy = (JsonObject)root.DeepClone();
        var cells = (JsonArray)copy["cells"]!;
        var untranslated = new List<int>();
        var translated = Cells.Select(cell =>
        {
            if (cell.Kind != NotebookCellKind.Markdown)
            {
                return cell;
            }

            var json = (JsonObject)cells[cell.Number - 1]!;
            if (json["metadata"]?["lambench"]?["translations"]?[language] is not { } text)
            {
                untranslated.Add(cell.Number);
                return cell;
            }

            var source = text is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)text ?? string.Empty;
            json["source"] = new JsonArray(SourceLines(source));
            return cell with { Source = source };
        }).ToList();
        return (new NotebookDocument(Path, copy, translated) { Language = language }, untranslated);
    }

    /// <exception cref="NotebookFormatException">not JSON, not nbformat 4, or a cell without a type or source.</exception>
    public static NotebookDocument Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException(path, e.Message);
        }

        return Parse(path, text);
    }

    public static NotebookDocument Parse(string path, string text)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(text) as JsonObject ?? throw new NotebookFormatException(path, "not a notebook: the JSON is not an object");
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException(path, $"line {(e.LineNumber ?? 0) + 1}: not valid JSON: {e.Message}");
        }

        if (root["nbformat"] is not JsonValue format || !format.TryGetValue<int>(out var major) || major != 4)
        {
            throw new NotebookFormatException(path, $"nbformat is {root["nbformat"]?.ToJsonString() ?? "missing"}; only nbformat 4 notebooks can be rendered");
        }

        if (root["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "no \"cells\" array");
        }

        var metadata = root["metadata"] as JsonObject;
        var defaultKernel = (string?)(metadata?["polyglot_notebook"]?["kernelInfo"]?["defaultKernelName"])
            ?? KernelOfLanguage((string?)metadata?["kernelspec"]?["language"])
            ?? "csharp";
        var parsed = new List<NotebookCell>();
        for (var i = 0; i < cells.Count; i++)
        {
            var number = i + 1;
            if (cells[i] is not JsonObject cell)
            {
                throw new NotebookFormatException(path, $"cell {number} is not an object");
            }

            var kind = (string?)cell["cell_type"] switch
            {
                "code" => NotebookCellKind.Code,
                "markdown" => NotebookCellKind.Markdown,
                "raw" => NotebookCellKind.Raw,
                var other => throw new NotebookFormatException(path, $"cell {number}: cell_type is '{other ?? "missing"}', not code, markdown or raw"),
            };
            var source = cell["source"] switch
            {
                JsonValue value when value.TryGetValue<string>(out var s) => s,
                JsonArray lines => string.Concat(lines.Select(l => l is JsonValue v && v.TryGetValue<string>(out var line) ? line : throw new NotebookFormatException(path, $"cell {number}: source holds a non-string"))),
                _ => throw new NotebookFormatException(path, $"cell {number}: source is missing or not text"),
            };
            var cellMetadata = cell["metadata"] as JsonObject;
            var kernel = kind == NotebookCellKind.Markdown
                ? "markdown"
                : (string?)cellMetadata?["polyglot_notebook"]?["kernelName"] ?? (string?)cellMetadata?["dotnet_interactive"]?["language"] ?? defaultKernel;
            var tags = (cellMetadata?["tags"] as JsonArray)?.Select(t => (string?)t).OfType<string>().ToList() ?? [];
            parsed.Add(new NotebookCell(number, kind, source.Replace("\r\n", "\n", StringComparison.Ordinal), kernel, tags));
        }

        return new NotebookDocument(path, root, parsed);
    }

    /// <summary>
    /// The notebook with outputs and execution counts filled in for the executed cells (the others are cleared), as
    /// valid nbformat 4.
    /// </summary>
    /// <param name="writtenTo">the folder the executed notebook goes to: relative paths are rebased to it (<see cref="NotebookPathRebaser"/>).</param>
    public string ToExecutedJson(IReadOnlyDictionary<int, ExecutedCell> executed, IReadOnlyDictionary<string, string>? parameters = null, string? writtenTo = null)
    {
        var copy = (JsonObject)root.DeepClone();
        if (parameters is { Count: > 0 })
        {
            // Provenance: the values the render assigned after the parameters cell.
            if (copy["metadata"] is not JsonObject metadata)
            {
                metadata = [];
                copy["metadata"] = metadata;
            }

            metadata["lambench"] = new JsonObject { ["parameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) };
        }

        var cells = (JsonArray)copy["cells"]!;
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = (JsonObject)cells[i]!;
            if ((string?)cell["cell_type"] != "code")
            {
                continue;
            }

            if (writtenTo is not null)
            {
                var from = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;
                cell["source"] = new JsonArray(SourceLines(NotebookPathRebaser.Rebase(Cells[i].Source, from, System.IO.Path.GetFullPath(writtenTo), Cells[i].IsParameters)));
            }

            var result = executed.GetValueOrDefault(i + 1);
            cell["execution_count"] = result?.ExecutionCount;
            cell["outputs"] = new JsonArray(result?.Outputs.Select(o => (JsonNode)o.ToJson()).ToArray() ?? []);
        }

        // As papermill does: the values the render assigned, as a cell tagged injected-parameters after the parameters
        // cell, so the executed notebook's code shows what its outputs were computed from.
        if (parameters is { Count: > 0 } && Cells.FirstOrDefault(c => c.IsParameters) is { } parameterCell)
        {
            var injected = new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = "injected-parameters",
                ["metadata"] = new JsonObject { ["tags"] = new JsonArray("injected-parameters") },
                ["outputs"] = new JsonArray(),
                ["source"] = new JsonArray(SourceLines(InjectedSource(parameters))),
            };
            cells.Insert(parameterCell.Number, injected);
        }

        return copy.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    /// <summary>nbformat's source as a list of lines, each but the last with its newline.</summary>
    private static JsonNode[] SourceLines(string source)
    {
        var lines = source.Split('\n');
        return lines.Select((line, i) => (JsonNode)(i < lines.Length - 1 ? line + "\n" : line)).ToArray();
    }

    /// <summary>The injected cell's code: a comment saying where it came from, then the assignments.</summary>
    public static string InjectedSource(IReadOnlyDictionary<string, string> parameters) =>
        "// Injected by lambench notebook render: the parameters this notebook was executed with.\n" + NotebookExecutor.Assignments(parameters).TrimEnd('\n');

    private static string? KernelOfLanguage(string? language) => language?.ToUpperInvariant() switch
    {
        "C#" or "CSHARP" => "csharp",
        null => null,
        var other => other.ToLowerInvariant(),
    };
}
