using System.Text.Json.Nodes;

namespace Lambench.Notebooks.Tests;

/// <summary>Writes small Polyglot notebooks for tests: ("md", text) and ("cs", code) cells, "cs:parameters" for a tagged one.</summary>
internal static class TestNotebook
{
    public static string Write(string directory, string name, params (string Kind, string Source)[] cells)
    {
        var array = new JsonArray();
        foreach (var (kind, source) in cells)
        {
            var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = kind.StartsWith("cs", StringComparison.Ordinal) ? "csharp" : kind } };
            if (kind == "cs:parameters")
            {
                metadata["tags"] = new JsonArray("parameters");
            }

            array.Add(kind == "md"
                ? new JsonObject { ["cell_type"] = "markdown", ["metadata"] = new JsonObject(), ["source"] = source }
                : new JsonObject { ["cell_type"] = "code", ["execution_count"] = null, ["metadata"] = metadata, ["outputs"] = new JsonArray(), ["source"] = source });
        }

        var notebook = new JsonObject
        {
            ["cells"] = array,
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        var path = Path.Combine(directory, name + ".ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
